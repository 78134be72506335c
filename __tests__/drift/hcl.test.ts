// Expression text for Terraform JSON: values from YAML never open an interpolation.
import { actualValue, hclLiteral, hclString, templateText } from '../../src/constructs/drift/hcl';

describe('hcl helpers', () => {
  it('quotes strings and escapes template sequences inside them', () => {
    expect(hclString('staging-vpc')).toBe('"staging-vpc"');
    expect(hclString('a"b')).toBe('"a\\"b"');
    expect(hclString('${x} %{y}')).toBe('"$${x} %%{y}"');
  });

  it('writes numbers and bools as literals', () => {
    expect(hclLiteral(6379)).toBe('6379');
    expect(hclLiteral(true)).toBe('true');
    expect(hclLiteral('6379')).toBe('"6379"');
  });

  it('escapes literal message text and shows missing values as (none)', () => {
    expect(templateText('costs ${5}')).toBe('costs $${5}');
    expect(actualValue('self.host')).toBe('${coalesce(self.host, "(none)")}');
  });
});
