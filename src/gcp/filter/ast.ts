// The syntax tree of a parsed Cloud Monitoring filter (https://cloud.google.com/monitoring/api/v3/filters).
// Positions are 0-based character offsets into the filter text, so a finding can point at the spot.

/** What a comparison's left-hand side selects. Label kinds carry the label key in `key`. */
export type FieldKind =
  | 'metric.type'
  | 'resource.type'
  | 'metric.label'
  | 'resource.label'
  | 'metadata.user_label'
  | 'metadata.system_label'
  | 'project'
  | 'group.id';

export interface FieldRef {
  readonly kind: FieldKind;
  readonly key?: string;
  /** The field as written, e.g. `metric.label."response_code_class"`. */
  readonly text: string;
}

export type ComparisonOperator = '=' | '!=' | '>' | '<' | '>=' | '<=' | ':' | '=~' | '!~';

export type FunctionName = 'starts_with' | 'ends_with' | 'has_substring' | 'one_of' | 'monitoring.regex.full_match';

export type ValueNode =
  /** A quoted string or a bare word/number. `${…}` placeholders are kept as opaque text. */
  | { readonly kind: 'literal'; readonly value: string; readonly quoted: boolean; readonly position: number }
  | {
      readonly kind: 'function';
      readonly name: FunctionName;
      readonly args: readonly string[];
      readonly position: number;
    }
  /** `service_name = ("a" OR "b")`: the comparison holds for any (OR) or every (AND) value. */
  | {
      readonly kind: 'group';
      readonly combiner: 'AND' | 'OR';
      readonly values: readonly ValueNode[];
      readonly position: number;
    };

export type FilterNode =
  | { readonly kind: 'and'; readonly children: readonly FilterNode[] }
  | { readonly kind: 'or'; readonly children: readonly FilterNode[] }
  | { readonly kind: 'not'; readonly child: FilterNode }
  | {
      readonly kind: 'comparison';
      readonly field: FieldRef;
      readonly operator: ComparisonOperator;
      readonly value: ValueNode;
      readonly position: number;
    }
  /** A bare `${name}` term: a dashboard template variable that expands to a comparison. Opaque. */
  | { readonly kind: 'placeholder'; readonly text: string; readonly position: number }
  /** A time-series selector such as `select_slo_burn_rate("projects/…", "60m")`: not a metric filter. */
  | { readonly kind: 'selector'; readonly name: string; readonly args: readonly string[]; readonly position: number };
