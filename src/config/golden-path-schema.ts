// The `goldenPath:` block: a synthetic monitor that runs a real chat turn (token, WebSocket, the
// agent events in order, within the deadline) and reports it as an uptime-check result. The field
// names and defaults match the function's environment variables (the golden-path contract,
// docs/golden-path.md); secrets are named by their Secret Manager id, never by value.
import { z } from 'zod';
import { GCS_BUCKET, REGION, SECRET_ID, VPC_CONNECTOR_NAME } from './identifiers';
import { boundedText } from './free-text';
import { identifier, wholeNumber } from './schema-fields';
import { MIN_PAGEABLE_GOAL_PERCENT } from './slo-schema';

/** The remediation plan's five critical events, in the order the backend sends them. */
export const DEFAULT_GOLDEN_PATH_EVENTS = [
  'agent_started',
  'agent_thinking',
  'tool_executing',
  'tool_completed',
  'agent_completed',
] as const;

/** The plan's agent budget: "agent execution within 30 s". Review flags a deadline above it. */
export const PLAN_DEADLINE_SECONDS = 30;

// Synthetic monitors are uptime-check configs: the API accepts these periods only
// (REST projects.uptimeCheckConfigs, field `period`).
export const GOLDEN_PATH_PERIODS_SECONDS = [60, 300, 600, 900] as const;

const wsUrl = z
  .url({ protocol: /^wss?$/, error: 'expected a WebSocket URL such as wss://api.example.com/ws' })
  .describe('The WebSocket endpoint of the chat backend (ws:// or wss://).');

const eventName = z
  .string({ error: 'expected an event name' })
  .regex(/^[a-z][a-z0-9_]{0,62}$/, { error: 'expected an event name of lowercase letters, digits and _' });

const TokenAuth = z.strictObject({
  type: z.literal('token').describe('A bearer token kept in Secret Manager.'),
  tokenSecret: identifier(SECRET_ID).describe(
    'Secret Manager secret id holding the bearer token (its latest version is used).',
  ),
});

const LoginAuth = z.strictObject({
  type: z.literal('login').describe("A test user's login at the auth service, credentials kept in Secret Manager."),
  loginUrl: z
    .url({ protocol: /^https?$/, error: 'expected the login endpoint as an http(s) URL' })
    .describe("The auth service's login endpoint; the test user logs in there for each run."),
  usernameSecret: identifier(SECRET_ID).describe("Secret Manager secret id holding the test user's name."),
  passwordSecret: identifier(SECRET_ID).describe("Secret Manager secret id holding the test user's password."),
});

const AuthSchema = z.discriminatedUnion('type', [TokenAuth, LoginAuth], {
  error: 'expected auth.type token (a bearer token secret) or login (a test user)',
});

export const GoldenPathSchema = z
  .strictObject({
    enabled: z.boolean({ error: 'expected true or false' }).default(true).describe('Deploy the golden-path monitor.'),
    webSocketUrl: wsUrl,
    auth: AuthSchema.describe('How the monitor gets its token: a bearer token secret, or a test user login.'),
    authPlacement: z
      .enum(['header', 'subprotocol'], { error: 'expected header or subprotocol' })
      .default('header')
      .describe('Where the token goes on the upgrade request: Authorization header or WebSocket subprotocol.'),
    events: z
      .array(eventName)
      .min(1, { error: 'expected at least one event' })
      .default([...DEFAULT_GOLDEN_PATH_EVENTS])
      .refine((events) => new Set(events).size === events.length, { error: 'expected each event once' })
      .describe('The events required in order for the probe thread; the last must arrive within the deadline.'),
    deadlineSeconds: wholeNumber('a deadline in seconds', 1, 300)
      .default(PLAN_DEADLINE_SECONDS)
      .describe('Seconds from sending the probe message to the last event (the plan: 30 s).'),
    connectTimeoutSeconds: wholeNumber('a connect timeout in seconds', 1, 60)
      .default(3)
      .describe('Seconds allowed to open the WebSocket (the plan: 3 s).'),
    message: boundedText('a probe message', 2000)
      .default('Golden path probe: reply with a short summary of your tools.')
      .describe('The chat message the probe sends to start an agent run.'),
    periodSeconds: z
      .union(
        GOLDEN_PATH_PERIODS_SECONDS.map((seconds) => z.literal(seconds)),
        { error: 'expected a monitor period of 60, 300, 600 or 900 seconds' },
      )
      .default(60)
      .describe('How often the synthetic monitor runs, in seconds.'),
    timeoutSeconds: wholeNumber('a monitor timeout in seconds', 1, 60)
      .default(60)
      .describe('How long Cloud Monitoring waits for one run, in seconds (more than the deadline).'),
    region: identifier(REGION).optional().describe("The function's region (the environment's region by default)."),
    vpcConnector: identifier(VPC_CONNECTOR_NAME)
      .optional()
      .describe('A Serverless VPC Access connector for the function, only when the backend is private.'),
    sourceBucket: identifier(GCS_BUCKET)
      .optional()
      .describe("Bucket for the function's source zip (a new one named after the project by default)."),
    // Above the plan's 90% and at least the lowest goal whose fast-burn page can fire (slo-schema.ts).
    sloGoalPercent: z
      .number({ error: 'expected a percentage' })
      .gte(MIN_PAGEABLE_GOAL_PERCENT, {
        error: `expected a goal of at least ${MIN_PAGEABLE_GOAL_PERCENT}% (the plan asks > 90% of E2E runs to pass; below ${MIN_PAGEABLE_GOAL_PERCENT}% a fast-burn page could never fire)`,
      })
      .lt(100, { error: 'expected a goal below 100' })
      .default(95)
      .describe('Percent of golden-path runs that must pass over the SLO window.'),
  })
  .superRefine((block, context) => {
    if (block.timeoutSeconds > block.periodSeconds)
      context.addIssue({ code: 'custom', path: ['timeoutSeconds'], message: 'expected a timeout within the period' });
    const runSeconds = block.deadlineSeconds + block.connectTimeoutSeconds;
    if (block.timeoutSeconds < runSeconds)
      context.addIssue({
        code: 'custom',
        path: ['timeoutSeconds'],
        message: `expected at least ${runSeconds} s (connect timeout + deadline), or a run is cut off before it can fail by itself`,
      });
  });

export type GoldenPath = z.output<typeof GoldenPathSchema>;
