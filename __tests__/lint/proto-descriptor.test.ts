// Lint reads the protos.json descriptor shipped in @google-cloud/monitoring-dashboards (fast to
// load) instead of parsing the package's .proto files. This checks they describe the same
// Dashboard messages: every message, field name, type and enum value.
import * as fs from 'fs';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import { dashboardMessage } from '../../src/tools/lint/proto/proto-schema';

const PACKAGE_PROTOS = path.dirname(require.resolve('@google-cloud/monitoring-dashboards/build/protos/protos.json'));
// google/api/*.proto (field_behavior, resource) come with google-gax; google/protobuf/* with protobufjs.
const GAX_PROTOS = path.resolve(path.dirname(require.resolve('google-gax', { paths: [PACKAGE_PROTOS] })), '..', 'protos');

function describeNamespace(namespace: protobuf.NamespaceBase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) {
      out[nested.name] = { fields: Object.fromEntries(nested.fieldsArray.map((field) => [field.name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()), `${field.repeated ? 'repeated ' : ''}${field.map ? 'map ' : ''}${field.type}`])), nested: describeNamespace(nested) };
    } else if (nested instanceof protobuf.Enum) {
      out[nested.name] = Object.keys(nested.values);
    } else if (nested instanceof protobuf.Namespace) {
      out[nested.name] = describeNamespace(nested);
    }
  }
  return out;
}

test('the shipped descriptor matches the shipped .proto files', () => {
  const fromProto = new protobuf.Root();
  fromProto.resolvePath = (_origin, target) => [PACKAGE_PROTOS, GAX_PROTOS].map((base) => path.join(base, target)).find((candidate) => fs.existsSync(candidate)) ?? target;
  const files = fs.readdirSync(path.join(PACKAGE_PROTOS, 'google/monitoring/dashboard/v1')).filter((file) => file.endsWith('.proto'));
  fromProto.loadSync(files.map((file) => `google/monitoring/dashboard/v1/${file}`));
  fromProto.resolveAll();

  const descriptorPackage = dashboardMessage().parent as protobuf.Namespace;
  const protoPackage = fromProto.lookup('google.monitoring.dashboard.v1') as protobuf.Namespace;
  const expected = describeNamespace(protoPackage);
  expect(Object.keys(expected)).toContain('Dashboard');
  expect(describeNamespace(descriptorPackage)).toEqual(expected);
});
