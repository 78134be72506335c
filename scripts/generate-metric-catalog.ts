// `npm run catalog`: regenerates the metric catalog's data (src/gcp/metric-catalog/generated-catalog.ts)
// from the saved text of Google's metric lists in src/gcp/metric-catalog/sources/. A test fails
// when the committed data and the sources disagree.
import * as fs from 'fs';
import * as path from 'path';
import { MetricListError, parseMetricList, parseResourceList } from '../src/gcp/metric-catalog/metric-list';
import { GENERATED_CATALOG_FILE, renderCatalogModule } from '../src/gcp/metric-catalog/render-catalog';

export const RESOURCE_LIST_FILE = 'monitored-resources.txt';

/** The catalog module's text as the sources under `root` produce it. */
export function generateCatalog(root: string): string {
  const dir = path.join(root, 'src', 'gcp', 'metric-catalog', 'sources');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const relative = (name: string): string => path.join('src/gcp/metric-catalog/sources', name);
  const lists = files
    .filter((name) => name !== RESOURCE_LIST_FILE)
    .map((name) => parseMetricList(fs.readFileSync(path.join(dir, name), 'utf8'), relative(name)));
  const resources = parseResourceList(
    fs.readFileSync(path.join(dir, RESOURCE_LIST_FILE), 'utf8'),
    relative(RESOURCE_LIST_FILE),
  );
  return renderCatalogModule(lists, resources);
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..');
  try {
    // Parsed in full before the data file is touched: a malformed source leaves it as it was.
    const text = generateCatalog(root);
    fs.writeFileSync(path.join(root, GENERATED_CATALOG_FILE), text);
    console.log(`${GENERATED_CATALOG_FILE}: regenerated from src/gcp/metric-catalog/sources/`);
  } catch (error) {
    if (!(error instanceof MetricListError)) throw error;
    console.error(`npm run catalog: ${error.message}; ${GENERATED_CATALOG_FILE} is unchanged`);
    process.exitCode = 1;
  }
}
