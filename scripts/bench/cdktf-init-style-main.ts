// The baseline of `npm run bench`: the same app run the way a project made by `cdktf init`
// runs it — ts-node compiling TypeScript on the fly, with a star import of the provider package.
import * as google from '@cdktf/provider-google';

void google.provider.GoogleProvider;
require('../../main');
