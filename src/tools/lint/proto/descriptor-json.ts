// The shape of a `protos.json` descriptor as the Google client packages ship it (the protobufjs
// JSON format): lint reads it directly, so these types are all it relies on. An entry under
// `nested` is told apart the way protobufjs' own loader does, by which key it carries.

export interface FieldJson {
  readonly type: string;
  readonly id: number;
  /** Only `repeated` matters to lint; editions files may also say `optional` or `required`. */
  readonly rule?: string;
  /** Present on map fields; `type` is then the value type. */
  readonly keyType?: string;
}

export interface OneofJson {
  readonly oneof: readonly string[];
}

export interface NamespaceJson {
  readonly nested?: Readonly<Record<string, NestedJson>>;
}

export interface MessageJson extends NamespaceJson {
  readonly fields: Readonly<Record<string, FieldJson>>;
  readonly oneofs?: Readonly<Record<string, OneofJson>>;
}

export interface EnumJson {
  readonly values: Readonly<Record<string, number>>;
}

/** Services (`methods`) and extension fields (`extend` + `id`) also appear under `nested`. */
export type NestedJson = MessageJson | EnumJson | NamespaceJson;

/** The entry `name` directly under `json`, if any; enums and extension fields contain nothing. */
export function childOf(json: NestedJson, name: string): NestedJson | undefined {
  const nested = 'nested' in json ? json.nested : undefined;
  return nested && Object.hasOwn(nested, name) ? nested[name] : undefined;
}

export function isMessageJson(json: NestedJson): json is MessageJson {
  return (json as Partial<MessageJson>).fields !== undefined;
}

export function isEnumJson(json: NestedJson): json is EnumJson {
  return !isMessageJson(json) && (json as Partial<EnumJson>).values !== undefined;
}

/** An extension field: a symbol, but neither a type nor something that contains types. */
export function isExtensionJson(json: NestedJson): boolean {
  return !isMessageJson(json) && !isEnumJson(json) && (json as { id?: unknown }).id !== undefined;
}
