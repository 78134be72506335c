// What lint needs to know about a message, field or enum of the published protos: the subset of
// protobuf reflection that walking REST JSON uses. Full names keep protobuf's leading dot
// (".google.monitoring.v3.AlertPolicy"), as descriptors write absolute names.

export interface ProtoEnum {
  readonly kind: 'enum';
  readonly name: string;
  readonly fullName: string;
  /** Value numbers by name, in declaration order. */
  readonly values: Readonly<Record<string, number>>;
}

export interface ProtoField {
  /** As the descriptor spells it (protos.json uses the JSON camelCase name). */
  readonly name: string;
  readonly fullName: string;
  /** The type as written in the descriptor: a scalar ("string", "int64") or a message or enum name. */
  readonly type: string;
  readonly repeated: boolean;
  /** A map field: `type` is the value type (keys are strings in JSON whatever their proto type). */
  readonly map: boolean;
  /** The message or enum `type` names; null for scalars. */
  readonly resolvedType: ProtoMessage | ProtoEnum | null;
}

export interface ProtoMessage {
  readonly kind: 'message';
  readonly name: string;
  readonly fullName: string;
  readonly fields: readonly ProtoField[];
  /** The field names of each oneof, as declared. */
  readonly oneofs: readonly (readonly string[])[];
}
