// @ts-check
// The Cloud Run function (2nd gen) a Cloud Monitoring synthetic monitor calls on its schedule:
// runs the golden path once, writes one structured log line, and answers with the synthetic
// monitor's result JSON.
//
// The result is written here rather than through @google-cloud/synthetics-sdk-api: the SDK's
// handler only wraps a function in this JSON (GoogleCloudPlatform/synthetics-sdk-nodejs,
// packages/synthetics-sdk-api/src/handlers.ts: synthetic_generic_result_v1 {ok, generic_error},
// start_time, end_time, runtime_metadata), and it brings pinned, old OpenTelemetry, axios, winston
// and google-auth-library into a function that should cold-start fast with one dependency (ws).
'use strict';

const WebSocket = require('ws');
const { configFromEnvironment, logEntry, runGoldenPath } = require('./src/run-golden-path');

/** The synthetic monitor's result for a run (the shape of the SDK's SyntheticResult). */
function syntheticResult(result, startTime, endTime) {
  return {
    synthetic_generic_result_v1: {
      ok: result.outcome === 'passed',
      ...(result.outcome === 'failed'
        ? {
            generic_error: {
              error_type: result.failedStep,
              error_message: result.reason,
              function_name: 'goldenPath',
              file_path: 'index.js',
            },
          }
        : {}),
    },
    start_time: startTime,
    end_time: endTime,
  };
}

/**
 * The HTTP function: `goldenPath` is the entry point the stack deploys.
 * @param {{ get?: (name: string) => string | undefined }} _request
 * @param {{ status: (code: number) => any, json?: (body: unknown) => void, send: (body: unknown) => void }} response
 * @param {{ env?: NodeJS.ProcessEnv, log?: (line: string) => void, WebSocket?: any }} [io] for tests
 */
async function goldenPath(_request, response, io = {}) {
  const log = io.log ?? ((line) => process.stdout.write(`${line}\n`));
  const startTime = new Date().toISOString();
  let result;
  try {
    result = await runGoldenPath(configFromEnvironment(io.env ?? process.env), {
      WebSocket: io.WebSocket ?? WebSocket,
    });
  } catch (error) {
    // A bug or a configuration error: reported as a failed run naming no secret (only the message).
    result = {
      outcome: 'failed',
      failedStep: 'token',
      reason: `the monitor could not run: ${error instanceof Error ? error.message : String(error)}`,
      latencyMs: {},
      threadId: '',
    };
  }
  log(JSON.stringify(logEntry(result)));
  response.status(200).send(syntheticResult(result, startTime, new Date().toISOString()));
  return result;
}

module.exports = { goldenPath, syntheticResult };
