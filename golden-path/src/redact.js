// @ts-check
// Secrets never leave the monitor: a token or password that a server echoes in an error, or that
// a library puts in a message, is masked in every text the monitor writes (result, log, CLI).
'use strict';

/** @param {(string|undefined)[]} initial */
function redactor(initial) {
  /** @type {string[]} */
  const secrets = [];
  const add = (/** @type {string|undefined} */ secret) => {
    if (secret && secret.length >= 4 && !secrets.includes(secret)) secrets.push(secret, encodeURIComponent(secret));
  };
  for (const secret of initial) add(secret);
  return {
    add,
    /** @param {string} text */
    text(text) {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join('****');
      return out.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1****');
    },
  };
}

module.exports = { redactor };
