// The meaning adopt compares alert policies by: a canonical form of each filter, and whether two
// filters can select one and the same time series (then both policies page on the same data).
import { parseFilter } from '../../src/gcp/filter';
import { canonicalFilter, filtersOverlap } from '../../src/tools/adopt/filter-meaning';

const MEMORY = 'metric.type="redis.googleapis.com/stats/memory/usage_ratio"';
const INSTANCE = 'resource.labels.instance_id="projects/p/locations/us-central1/instances/r1"';

const overlap = (a: string, b: string) => filtersOverlap(parseFilter(a), parseFilter(b));

test('the same selection written in another order, spelling or spacing reads the same', () => {
  expect(canonicalFilter(parseFilter(`${MEMORY} AND resource.type="redis_instance" AND ${INSTANCE}`))).toBe(
    canonicalFilter(
      parseFilter(
        `resource.label.instance_id = "projects/p/locations/us-central1/instances/r1" AND resource.type="redis_instance"   AND ${MEMORY}`,
      ),
    ),
  );
  expect(canonicalFilter(parseFilter(`${MEMORY} AND resource.type="redis_instance"`))).not.toBe(
    canonicalFilter(parseFilter(`${MEMORY} AND resource.type="redis_instance" AND ${INSTANCE}`)),
  );
});

test('a filter that names no metric type selects every metric of its resource type', () => {
  expect(
    overlap('resource.type="redis_instance"', `${MEMORY} AND resource.type="redis_instance" AND ${INSTANCE}`),
  ).toBe(true);
  expect(overlap('resource.type="cloudsql_database"', `${MEMORY} AND resource.type="redis_instance"`)).toBe(false);
});

test('pinned values that disagree, or a negation of the other side, select no common series', () => {
  const other = 'resource.labels.instance_id="projects/p/locations/us-central1/instances/r2"';
  expect(overlap(`${MEMORY} AND resource.type="redis_instance" AND ${other}`, `${MEMORY} AND ${INSTANCE}`)).toBe(false);
  // No instance pinned on one side: it watches every instance, that one too.
  expect(overlap(`${MEMORY} AND resource.type="redis_instance"`, `${MEMORY} AND ${INSTANCE}`)).toBe(true);
  expect(overlap(`${MEMORY} AND metric.label.role!="primary"`, `${MEMORY} AND metric.labels.role="primary"`)).toBe(
    false,
  );
  expect(overlap(`${MEMORY} AND metric.label.role!="replica"`, `${MEMORY} AND metric.labels.role="primary"`)).toBe(
    true,
  );
  // Two different metrics never share a series.
  expect(overlap(MEMORY, 'metric.type="redis.googleapis.com/stats/evicted_keys"')).toBe(false);
});
