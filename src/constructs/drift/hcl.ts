// Building Terraform expressions as text. The artifact is Terraform JSON, where a string is a
// template: `${…}` is an expression and a literal `${` must be written `$${`.

/** A Terraform string literal, for use inside an expression. */
export function hclString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '$$${').replace(/%\{/g, '%%{');
}

/** A Terraform literal of a string, number or bool, for use inside an expression. */
export function hclLiteral(value: string | number | boolean): string {
  return typeof value === 'string' ? hclString(value) : String(value);
}

/** Literal text inside a template (an error message): escapes template sequences. */
export function templateText(text: string): string {
  return text.replace(/\$\{/g, '$$$${').replace(/%\{/g, '%%{');
}

/**
 * A template interpolation of what the resource actually holds. `coalesce` turns null and ""
 * into a visible "(none)": interpolating null would make Terraform fail on the message itself
 * instead of reporting the drift.
 */
export function actualValue(expression: string): string {
  return `\${coalesce(${expression}, "(none)")}`;
}
