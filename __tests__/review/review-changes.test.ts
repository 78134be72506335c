// One fixture pair per kind of change: the base stack under fixtures/base against a copy with one
// edit; each asserts the words the reviewer reads and whether it lands in the warning section.
import { review, renderMarkdown } from '../../src/tools/review';
import { artifact, baseDoc, dashboardOf, policy, reviewEdit, setDashboard } from './fixture';

const CHANNEL_REF = (id: string) => `\${google_monitoring_notification_channel.${id}.name}`;

describe('no change', () => {
  test('says "No monitoring changes" and finds no risk', () => {
    const { result, markdown } = reviewEdit(() => undefined);
    expect(result.risks).toEqual([]);
    expect(result.stacks[0].counts).toEqual({ added: 0, changed: 0, removed: 0, moved: 0 });
    expect(markdown).toContain('No monitoring changes.');
    expect(markdown).not.toContain('| Stack |');
  });

  test('cdktf metadata ("//") alone is not a change', () => {
    const { result } = reviewEdit((doc) => {
      policy(doc, 'postgres_p99_latency_critical')['//'] = { metadata: { path: 'elsewhere/x', uniqueId: 'x' } };
    });
    expect(result.stacks[0].changes).toEqual([]);
  });
});

describe('removed and disabled', () => {
  test('a removed alert policy is a risk and counted as removed', () => {
    const { result, markdown } = reviewEdit(
      (doc) => delete doc.resource.google_monitoring_alert_policy.redis_memorystore_clients,
    );
    expect(result.stacks[0].counts).toEqual({ added: 0, changed: 0, removed: 1, moved: 0 });
    expect(result.risks.map((risk) => risk.kind)).toEqual(['policy-removed']);
    expect(markdown).toContain('alert policy **[test] Redis: no connected clients** is removed');
    // The warning section comes before the per-stack details.
    expect(markdown.indexOf('Review first')).toBeLessThan(markdown.indexOf('#### Removed'));
  });

  test('a disabled policy is a risk', () => {
    const { result, details } = reviewEdit((doc) => {
      policy(doc, 'redis_memorystore_clients').enabled = false;
    });
    expect(details).toContain('disabled');
    expect(result.risks.map((risk) => risk.kind)).toEqual(['policy-disabled']);
  });

  test('a removed notification channel is a risk, and so is the page it no longer sends', () => {
    const { result, details } = reviewEdit((doc) => {
      delete doc.resource.google_monitoring_notification_channel.channel_pagerduty_oncall;
      for (const body of Object.values(doc.resource.google_monitoring_alert_policy)) {
        body.notification_channels = body.notification_channels.filter((ref: string) => !ref.includes('pagerduty'));
      }
    });
    expect(result.risks.map((risk) => risk.kind)).toEqual([
      'policy-lost-paging-channel',
      'policy-lost-paging-channel',
      'channel-removed',
    ]);
    expect(details).toContain('channels − pagerduty-oncall');
  });

  test('a removed uptime check is a risk', () => {
    const { result } = reviewEdit(
      (doc) => delete doc.resource.google_monitoring_uptime_check_config.uptime_backend_health,
    );
    expect(result.risks).toEqual([
      expect.objectContaining({
        kind: 'uptime-check-removed',
        address: 'google_monitoring_uptime_check_config.uptime_backend_health',
      }),
    ]);
  });

  test('a policy that lost all its channels is a risk', () => {
    const { result, details } = reviewEdit((doc) => {
      policy(doc, 'redis_memorystore_clients').notification_channels = [];
    });
    expect(details).toContain('channels − platform-email');
    expect(result.risks.map((risk) => risk.kind)).toEqual(['policy-lost-all-channels']);
  });

  test('adding a channel to a policy is not a risk', () => {
    const { result, details } = reviewEdit((doc) => {
      policy(doc, 'redis_memorystore_clients').notification_channels.push(CHANNEL_REF('channel_pagerduty_oncall'));
    });
    expect(details).toEqual(['channels + pagerduty-oncall']);
    expect(result.risks).toEqual([]);
  });
});

describe('thresholds and durations, in units a person reads', () => {
  test('a higher threshold on a > condition is loosened: Query Insights microseconds read as ms and s', () => {
    const { result, details } = reviewEdit((doc) => {
      policy(doc, 'postgres_p99_latency_critical').conditions[0].condition_threshold.threshold_value = 5000000;
    });
    expect(details).toEqual([
      'condition "Query Insights p99 latency > 500 ms for 5 min": p99 latency threshold 500 ms → 5 s',
    ]);
    expect(result.risks).toEqual([
      expect.objectContaining({
        kind: 'loosened',
        message: expect.stringContaining('p99 latency threshold 500 ms → 5 s (alerts later)'),
      }),
    ]);
  });

  test('a lower threshold on a > condition is tightened: reported, not a risk', () => {
    const { result, details } = reviewEdit((doc) => {
      policy(doc, 'postgres_p99_latency_critical').conditions[0].condition_threshold.threshold_value = 200000;
    });
    expect(details).toEqual([
      'condition "Query Insights p99 latency > 500 ms for 5 min": p99 latency threshold 500 ms → 200 ms',
    ]);
    expect(result.risks).toEqual([]);
  });

  test('on a < condition a lower threshold is the loosened one', () => {
    const lower = reviewEdit((doc) => {
      policy(doc, 'redis_memorystore_clients').conditions[0].condition_threshold.threshold_value = 0;
    });
    expect(lower.details).toEqual([
      'condition "Memorystore connected clients < 1 for 5 min": connected threshold 1 → 0',
    ]);
    expect(lower.result.risks.map((risk) => risk.kind)).toEqual(['loosened']);
    const higher = reviewEdit((doc) => {
      policy(doc, 'redis_memorystore_clients').conditions[0].condition_threshold.threshold_value = 2;
    });
    expect(higher.result.risks).toEqual([]);
  });

  test('a longer duration is loosened; a shorter one is not', () => {
    const longer = reviewEdit((doc) => {
      policy(doc, 'uptime_backend_health_failing').conditions[0].condition_threshold.duration = '300s';
    });
    expect(longer.details).toEqual([
      'condition "Backend health endpoint failing from 2 or more checker locations": duration 60 s → 300 s',
    ]);
    expect(longer.result.risks.map((risk) => risk.message)).toEqual([
      expect.stringContaining('duration 60 s → 300 s (alerts later)'),
    ]);
    const shorter = reviewEdit((doc) => {
      policy(doc, 'postgres_p99_latency_critical').conditions[0].condition_threshold.duration = '60s';
    });
    expect(shorter.details).toEqual([
      'condition "Query Insights p99 latency > 500 ms for 5 min": duration 300 s → 60 s',
    ]);
    expect(shorter.result.risks).toEqual([]);
  });

  test('a longer alignment period, absence duration or trigger count is loosened', () => {
    const { result, details } = reviewEdit((doc) => {
      const clients = policy(doc, 'redis_memorystore_clients');
      clients.conditions[0].condition_threshold.aggregations[0].alignment_period = '300s';
      clients.conditions[1].condition_absent.duration = '1200s';
      clients.conditions[0].condition_threshold.trigger.count = 3;
    });
    expect(details).toEqual([
      'condition "Memorystore connected clients < 1 for 5 min": alignment period 60 s → 300 s; trigger count 1 → 3',
      'condition "Memorystore clients metric absent for 10 min": duration 600 s → 1200 s',
    ]);
    expect(result.risks.map((risk) => risk.message)).toEqual([
      expect.stringContaining('alignment period 60 s → 300 s'),
      expect.stringContaining('trigger count 1 → 3'),
      expect.stringContaining('absence duration 600 s → 1200 s'),
    ]);
  });

  test('counting reducers compare a number of series, not the metric unit', () => {
    const { details, result } = reviewEdit((doc) => {
      policy(doc, 'uptime_backend_health_failing').conditions[0].condition_threshold.threshold_value = 2;
    });
    expect(details).toEqual([
      'condition "Backend health endpoint failing from 2 or more checker locations": count of false check passed threshold 1 → 2',
    ]);
    expect(result.risks.map((risk) => risk.kind)).toEqual(['loosened']);
  });

  test('a log-based metric takes its unit from the google_logging_metric in the same stack', () => {
    const { details } = reviewEdit((doc) => {
      policy(doc, 'agent_execution_over_budget').conditions[0].condition_threshold.threshold_value = 0.5;
    });
    expect(details).toEqual([
      'condition "p95 agent execution time > 30 s over 10 min": p95 vigil-test-agent-execution-seconds threshold 30 s → 500 ms',
    ]);
  });

  test('a new comparison is reported but not judged', () => {
    const { details, result } = reviewEdit((doc) => {
      const threshold = policy(doc, 'postgres_p99_latency_critical').conditions[0].condition_threshold;
      threshold.comparison = 'COMPARISON_LT';
      threshold.threshold_value = 600000;
    });
    expect(details).toEqual([
      'condition "Query Insights p99 latency > 500 ms for 5 min": comparison > → <; p99 latency threshold 500 ms → 600 ms',
    ]);
    expect(result.risks).toEqual([]);
  });

  test('a removed condition is a risk; an added one is described', () => {
    const { details, result } = reviewEdit((doc) => {
      const clients = policy(doc, 'redis_memorystore_clients');
      clients.conditions.pop();
      const latency = policy(doc, 'postgres_p99_latency_critical');
      latency.conditions.push({ ...latency.conditions[0], display_name: 'p99 latency > 1 s' });
      latency.conditions[1].condition_threshold = {
        ...latency.conditions[1].condition_threshold,
        threshold_value: 1000000,
      };
    });
    expect(details).toContain(
      'condition removed: "Memorystore clients metric absent for 10 min": no data from connected for 600 s',
    );
    expect(details).toContain('condition added: "p99 latency > 1 s": p99 latency > 1 s for 300 s');
    expect(result.risks.map((risk) => risk.kind)).toEqual(['condition-removed']);
  });
});

test('with AND, a removed condition alerts more readily: described, not a risk', () => {
  const { details, result } = reviewEdit((doc) => {
    const clients = policy(doc, 'redis_memorystore_clients');
    clients.combiner = 'AND';
    clients.conditions.pop();
  });
  expect(details).toEqual([
    'conditions combined with OR → AND',
    'condition removed: "Memorystore clients metric absent for 10 min": no data from connected for 600 s',
  ]);
  expect(result.risks).toEqual([]);
});

test('a policy whose channel resource was removed still names the channel it lost', () => {
  const { details } = reviewEdit((doc) => {
    delete doc.resource.google_monitoring_notification_channel.channel_platform_email;
  });
  expect(details).toEqual([]);
  const dangling = reviewEdit((doc) => {
    delete doc.resource.google_monitoring_notification_channel.channel_pagerduty_oncall;
    policy(doc, 'postgres_p99_latency_critical').notification_channels = [CHANNEL_REF('channel_platform_email')];
  });
  expect(dangling.details).toEqual(['channels − pagerduty-oncall']);
});

describe('severity', () => {
  test('lowered severity is a risk; raised is not', () => {
    const lowered = reviewEdit((doc) => {
      policy(doc, 'postgres_p99_latency_critical').severity = 'WARNING';
    });
    expect(lowered.details).toEqual(['severity CRITICAL → WARNING']);
    expect(lowered.result.risks.map((risk) => risk.message)).toEqual([
      expect.stringContaining('severity lowered CRITICAL → WARNING'),
    ]);
    const raised = reviewEdit((doc) => {
      policy(doc, 'redis_memorystore_clients').severity = 'CRITICAL';
    });
    expect(raised.result.risks).toEqual([]);
  });
});

describe('address changes', () => {
  test('a policy under a new logical id with the same display name is a move, not a removal and an addition', () => {
    const { result, stack, markdown } = reviewEdit((doc) => {
      const policies = doc.resource.google_monitoring_alert_policy;
      policies.postgres_latency_critical = policies.postgres_p99_latency_critical;
      delete policies.postgres_p99_latency_critical;
    });
    expect(stack.counts).toEqual({ added: 0, changed: 0, removed: 0, moved: 1 });
    expect(stack.changes[0]).toEqual(
      expect.objectContaining({
        kind: 'moved',
        previousAddress: 'google_monitoring_alert_policy.postgres_p99_latency_critical',
        address: 'google_monitoring_alert_policy.postgres_latency_critical',
        details: [],
      }),
    );
    expect(result.risks.map((risk) => risk.kind)).toEqual(['address-changed']);
    expect(markdown).toContain('Terraform destroys and recreates it, losing its incident history');
  });

  test('a move that also changes content reports both', () => {
    const { result, stack } = reviewEdit((doc) => {
      const policies = doc.resource.google_monitoring_alert_policy;
      policies.redis_clients = policies.redis_memorystore_clients;
      delete policies.redis_memorystore_clients;
      policies.redis_clients.conditions[0].condition_threshold.duration = '600s';
    });
    expect(stack.changes[0].details).toEqual([
      'condition "Memorystore connected clients < 1 for 5 min": duration 300 s → 600 s',
    ]);
    expect(result.risks.map((risk) => risk.kind)).toEqual(['loosened', 'address-changed']);
  });

  test('two candidates with the same name are not guessed at', () => {
    const { stack } = reviewEdit((doc) => {
      const policies = doc.resource.google_monitoring_alert_policy;
      policies.a = { ...policies.redis_memorystore_clients };
      policies.b = { ...policies.redis_memorystore_clients };
      delete policies.redis_memorystore_clients;
    });
    expect(stack.counts).toEqual({ added: 2, changed: 0, removed: 1, moved: 0 });
  });
});

describe('dashboards by tile', () => {
  test('added, removed, changed, moved and retitled tiles; never the dashboard JSON', () => {
    const { stack, markdown } = reviewEdit((doc) => {
      const dashboard = dashboardOf(doc);
      const tiles = dashboard.mosaicLayout.tiles;
      tiles[1].widget.xyChart.thresholds[0] = { value: 5000000, label: 'alert: 5000 ms' };
      tiles[2].xPos = 0;
      tiles[2].yPos = 36;
      tiles[3].widget.title = 'Uptime check latency (ms)';
      tiles.splice(0, 1);
      tiles.push({
        xPos: 24,
        yPos: 20,
        width: 24,
        height: 16,
        widget: { title: 'Cloud Run: instances', xyChart: { dataSets: [] } },
      });
      setDashboard(doc, dashboard);
    });
    const change = stack.changes[0];
    expect(change.kind).toBe('changed');
    expect(change.dashboard?.tiles).toEqual(
      expect.arrayContaining([
        { kind: 'removed', title: 'Response times', details: [] },
        {
          kind: 'changed',
          title: 'PostgreSQL: p99 latency',
          details: ['threshold lines [alert: 500 ms] → [alert: 5000 ms]'],
        },
        { kind: 'moved', title: 'Redis: connected clients', details: ['moved (24, 4) → (0, 36)'] },
        {
          kind: 'changed',
          title: 'Uptime check latency (ms)',
          details: ['title "Uptime check latency" → "Uptime check latency (ms)"'],
        },
        { kind: 'added', title: 'Cloud Run: instances', details: [] },
      ]),
    );
    expect(change.dashboard?.tiles).toHaveLength(5);
    expect(markdown).toContain('tile ~ "PostgreSQL: p99 latency": threshold lines [alert: 500 ms] → [alert: 5000 ms]');
    expect(markdown).not.toContain('mosaicLayout');
    expect(markdown).not.toContain('dashboard_json');
  });

  test('a resized tile', () => {
    const { stack } = reviewEdit((doc) => {
      const dashboard = dashboardOf(doc);
      dashboard.mosaicLayout.tiles[3].width = 48;
      setDashboard(doc, dashboard);
    });
    expect(stack.changes[0].dashboard?.tiles).toEqual([
      { kind: 'moved', title: 'Uptime check latency', details: ['resized 24×16 → 48×16'] },
    ]);
  });

  test('a whole new dashboard is summarized by its tile count', () => {
    const { stack, markdown } = reviewEdit((doc) => {
      doc.resource.google_monitoring_dashboard.second = {
        project: 'test-project',
        dashboard_json: JSON.stringify({ ...dashboardOf(doc), displayName: 'Second' }),
      };
    });
    expect(stack.counts.added).toBe(1);
    expect(markdown).toContain('dashboard **Second**');
    expect(markdown).toContain('  - 4 tiles');
  });
});

describe('other resources', () => {
  test('uptime checks and log metrics are described by attribute, in words', () => {
    const { details, result } = reviewEdit((doc) => {
      const check = doc.resource.google_monitoring_uptime_check_config.uptime_backend_health;
      check.period = '300s';
      check.selected_regions = ['USA', 'EUROPE'];
      check.http_check.path = '/healthz';
    });
    expect(details).toEqual([
      'checker regions USA, EUROPE, ASIA_PACIFIC → USA, EUROPE',
      'period 60 s → 300 s',
      'http check › path "/health" → "/healthz"',
    ]);
    expect(result.risks.map((risk) => risk.kind)).toEqual(['uptime-locations-reduced', 'uptime-period-longer']);
  });
});

describe('secrets', () => {
  test('a token in a channel and a literal in sensitive_labels are masked; variable references are not', () => {
    const { markdown, result } = reviewEdit((doc) => {
      const pagerduty = doc.resource.google_monitoring_notification_channel.channel_pagerduty_oncall;
      pagerduty.sensitive_labels.service_key = 'plain-service-key-value';
      pagerduty.description = 'webhook token xoxb-123456789012-abcdefghijkl';
    });
    expect(result.stacks[0].counts.changed).toBe(1);
    expect(markdown).not.toContain('plain-service-key-value');
    expect(markdown).not.toContain('xoxb-123456789012');
    expect(markdown).toContain('${var.pagerduty_service_key_pagerduty_oncall}');
    expect(markdown).toContain('••••••');
  });
});

describe('lint findings new in head', () => {
  const lint = (doc: unknown) => {
    const policies = (doc as any).resource.google_monitoring_alert_policy;
    return Object.entries(policies)
      .filter(
        ([, body]: [string, any]) =>
          body.conditions[0].condition_threshold?.duration === '45s' || body.severity === 'ERROR',
      )
      .map(([id]) => ({
        ruleId: 'test/rule',
        severity: 'error',
        file: 'f',
        resource: `google_monitoring_alert_policy.${id}`,
        path: 'conditions[0]',
        message: `finding on ${id}`,
      }));
  };

  test('only findings that the base did not have', () => {
    const { result, markdown } = reviewEdit(
      (doc) => {
        policy(doc, 'postgres_p99_latency_critical').conditions[0].condition_threshold.duration = '45s';
      },
      { lint },
    );
    expect(result.lint.ran).toBe(true);
    expect(result.lint.newInHead.map((finding) => finding.resource)).toEqual([
      'google_monitoring_alert_policy.postgres_p99_latency_critical',
    ]);
    expect(markdown).toContain('finding on postgres_p99_latency_critical');
    expect(markdown).not.toContain('finding on redis_memorystore_clients');
  });

  test('without a linter the review says lint did not run', () => {
    const { markdown } = reviewEdit((doc) => {
      policy(doc, 'postgres_p99_latency_critical').severity = 'ERROR';
    });
    expect(markdown).toContain('_Lint did not run._');
  });
});

describe('stacks', () => {
  test('a stack only in head is all added; only in base, all removed', () => {
    const result = review([artifact(baseDoc(), 'monitoring-old')], [artifact(baseDoc(), 'monitoring-new')]);
    expect(result.stacks.map((stack) => [stack.stack, stack.counts])).toEqual([
      ['monitoring-new', { added: 9, changed: 0, removed: 0, moved: 0 }],
      ['monitoring-old', { added: 0, changed: 0, removed: 9, moved: 0 }],
    ]);
    expect(renderMarkdown(result)).toContain('monitoring-old: alert policy');
  });
});
