import {
  filterSelectors,
  FilterSyntaxError,
  matchesFilter,
  parseFilter,
  type SeriesIdentity,
} from '../../src/gcp/filter';

const redis: SeriesIdentity = {
  metricType: 'redis.googleapis.com/stats/reject_connections_count',
  resourceType: 'redis_instance',
  metricLabels: { role: 'primary' },
  resourceLabels: {
    project_id: 'netra-staging',
    region: 'us-central1',
    instance_id: 'projects/netra-staging/locations/us-central1/instances/staging-redis-f1adc35c',
  },
  metadata: { userLabels: { team: 'platform' }, systemLabels: { state: 'RUNNING' } },
};

function matches(filter: string, series: SeriesIdentity = redis): boolean {
  return matchesFilter(parseFilter(filter), series);
}

function syntaxError(filter: string): FilterSyntaxError {
  try {
    parseFilter(filter);
  } catch (error) {
    if (error instanceof FilterSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected a syntax error for ${filter}`);
}

describe('parseFilter', () => {
  it('parses comparisons joined by AND, OR and juxtaposition, with NOT binding tightest', () => {
    const node = parseFilter('metric.type="a" resource.type = "b" OR NOT metric.label.x="y" and project="p"');
    expect(node.kind).toBe('or');
    if (node.kind !== 'or') return;
    expect(node.children.map((child) => child.kind)).toEqual(['and', 'and']);
    const second = node.children[1];
    expect(second.kind === 'and' && second.children[0].kind).toBe('not');
  });

  it('reads quoted label keys the same as bare ones', () => {
    const quoted = parseFilter('metric.label."response_code_class"="5xx"');
    const bare = parseFilter('metric.labels.response_code_class = "5xx"');
    expect(quoted.kind === 'comparison' && quoted.field.key).toBe('response_code_class');
    expect(bare.kind === 'comparison' && bare.field.key).toBe('response_code_class');
    expect(bare.kind === 'comparison' && bare.field.kind).toBe('metric.label');
  });

  it('keeps ${…} placeholders and Terraform interpolation as opaque text', () => {
    const node = parseFilter(
      'resource.labels.instance_id = "projects/${PROJECT_ID}/instances/${google_redis_instance.main.name}"',
    );
    expect(node.kind === 'comparison' && node.value.kind === 'literal' && node.value.value).toBe(
      'projects/${PROJECT_ID}/instances/${google_redis_instance.main.name}',
    );
    expect(parseFilter('metric.type="a" ${cluster_name}').kind).toBe('and');
  });

  it('recognises SLO selectors as selectors, not metric filters', () => {
    const node = parseFilter('select_slo_burn_rate("projects/p/services/s/serviceLevelObjectives/o", "60m")');
    expect(node).toMatchObject({
      kind: 'selector',
      name: 'select_slo_burn_rate',
      args: ['projects/p/services/s/serviceLevelObjectives/o', '60m'],
    });
  });

  it.each([
    ['metric.type=', 12, 'the end of the filter', 'a value'],
    ['metric.type="a" AND', 19, 'the end of the filter', 'a comparison'],
    ['(metric.type="a"', 16, 'the end of the filter', "')'"],
    ['metric.type "a"', 12, 'the string "a"', 'an operator'],
    ['metric.tpye = "a"', 0, "the field 'metric.tpye'", 'a field the Monitoring filter knows'],
    ['metric.type = "a', 14, 'never closed', 'a closing "'],
    ['metric.label.x = starts_with()', 17, 'starts_with(…) with 0 argument(s)', 'one quoted argument'],
    [
      'metric.label.x = monitoring.regex.full_match("a(")',
      17,
      'the regular expression "a("',
      'a valid RE2 regular expression',
    ],
    ['metric.type = "a" )', 18, "')'", 'AND, OR or the end of the filter'],
    ['metric.type = lower("a")', 14, 'a call to lower(…)', 'one_of'],
  ])('rejects %s at position %d, saying what it found and expected', (filter, position, found, expected) => {
    const error = syntaxError(filter);
    expect(error.position).toBe(position);
    expect(error.message).toContain(found);
    expect(error.message).toContain(expected);
  });

  it('parses every operator', () => {
    for (const operator of ['=', '!=', '>', '<', '>=', '<=', ':', '=~', '!~']) {
      const node = parseFilter(`metric.label.x ${operator} "1"`);
      expect(node.kind === 'comparison' && node.operator).toBe(operator);
    }
  });
});

describe('matchesFilter', () => {
  it.each([
    ['metric.type = "redis.googleapis.com/stats/reject_connections_count" AND resource.type = "redis_instance"', true],
    ['metric.type = "redis.googleapis.com/stats/evicted_keys"', false],
    ['metric.type = starts_with("redis.googleapis.com/")', true],
    ['metric.type = ends_with("_count")', true],
    ['metric.type = has_substring("REJECT", true)', true],
    ['metric.type = has_substring("REJECT")', false],
    ['metric.label.role = one_of("replica", "primary")', true],
    ['metric.label.role != one_of("replica", "primary")', false],
    ['resource.label.region = monitoring.regex.full_match("us-.*")', true],
    ['resource.label.region = monitoring.regex.full_match("us")', false],
    ['resource.label.region =~ "central"', true],
    ['resource.label.region !~ "central"', false],
    ['resource.label.instance_id : "staging-redis"', true],
    ['metric.label.role = ("replica" OR "primary")', true],
    ['metric.label.role = ("replica" OR "secondary")', false],
    ['metric.label.missing = "x"', false],
    ['metric.label.missing != "x"', true],
    ['NOT metric.label.role = "primary"', false],
    ['metric.label.role = "replica" OR resource.type = "redis_instance"', true],
    ['metadata.user_labels.team = "platform" AND metadata.system_labels."state" = "RUNNING"', true],
    ['project = "netra-staging"', true],
    ['project = "other"', false],
    ['select_slo_burn_rate("projects/p/services/s/serviceLevelObjectives/o", "60m")', false],
    ['resource.type = "redis_instance" ${cluster_name}', true],
  ])('%s → %s', (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it('compares numbers as numbers and other values as strings', () => {
    const series = { ...redis, metricLabels: { code: '503', name: 'beta' } };
    expect(matches('metric.label.code >= 500', series)).toBe(true);
    expect(matches('metric.label.code < 60', series)).toBe(false);
    expect(matches('metric.label.name > "alpha"', series)).toBe(true);
  });

  it('matches group.id only against known group membership', () => {
    expect(matches('group.id = "g1"')).toBe(true);
    expect(matches('group.id = "g1"', { ...redis, groupIds: ['g2'] })).toBe(false);
    expect(matches('group.id = "g1"', { ...redis, groupIds: ['g2', 'g1'] })).toBe(true);
  });
});

describe('filterSelectors', () => {
  it('returns the metric and resource types a filter pins, ignoring negated ones', () => {
    const selectors = filterSelectors(
      parseFilter(
        'metric.type = one_of("a/x", "a/y") AND (resource.type = "r1" OR resource.type = "r2") AND NOT resource.type = "r3" AND resource.type != "r4"',
      ),
    );
    expect(selectors.metricTypes).toEqual(['a/x', 'a/y']);
    expect(selectors.resourceTypes).toEqual(['r1', 'r2']);
    expect(selectors.sloSelectors).toEqual([]);
  });

  it('reports non-exact metric constraints as patterns and SLO selectors separately', () => {
    expect(
      filterSelectors(parseFilter('metric.type = starts_with("redis.googleapis.com/")')).metricTypePatterns,
    ).toEqual(['starts_with("redis.googleapis.com/")']);
    const slo = filterSelectors(
      parseFilter('select_slo_burn_rate("projects/p/services/s/serviceLevelObjectives/o", "5m")'),
    );
    expect(slo.metricTypes).toEqual([]);
    expect(slo.sloSelectors).toEqual([
      { name: 'select_slo_burn_rate', args: ['projects/p/services/s/serviceLevelObjectives/o', '5m'] },
    ]);
  });

  it("finds no metric type in the remediation plan's Redis filter", () => {
    const selectors = filterSelectors(parseFilter('resource.type="redis_instance"'));
    expect(selectors.metricTypes).toEqual([]);
    expect(selectors.resourceTypes).toEqual(['redis_instance']);
  });
});
