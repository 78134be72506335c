// One protos.json descriptor, read on demand. A lint run touches a small part of a package's
// protos (linting the whole shared corpus reaches 42 of the 111 messages in the dashboards
// descriptor and 20 of the 242 in the monitoring one), so nothing is resolved up front: a
// message's fields and their types are worked out the first time someone asks for them. Every
// message and enum is built once, so a name always yields the same object (walk-message caches
// per message object).
import {
  childOf,
  isEnumJson,
  isMessageJson,
  type MessageJson,
  type NamespaceJson,
  type NestedJson,
} from './descriptor-json';
import type { ProtoEnum, ProtoField, ProtoMessage } from './proto-types';
import { resolveTypeName } from './resolve-type-name';

/** Scalar types: no message or enum to resolve (protobufjs' basic types). */
const SCALARS = new Set([
  'double',
  'float',
  'int32',
  'uint32',
  'sint32',
  'fixed32',
  'sfixed32',
  'int64',
  'uint64',
  'sint64',
  'fixed64',
  'sfixed64',
  'bool',
  'string',
  'bytes',
]);

export class DescriptorRoot {
  private readonly types = new Map<string, ProtoMessage | ProtoEnum>();

  constructor(private readonly json: NamespaceJson) {}

  /** The message with this absolute name (a leading dot is optional). A missing one is a bug. */
  message(fullName: string): ProtoMessage {
    const found = this.lookup(fullName);
    if (found?.kind !== 'message') throw new Error(`protos.json has no message ${fullName}`);
    return found;
  }

  /** The enum with this absolute name (a leading dot is optional). A missing one is a bug. */
  enum(fullName: string): ProtoEnum {
    const found = this.lookup(fullName);
    if (found?.kind !== 'enum') throw new Error(`protos.json has no enum ${fullName}`);
    return found;
  }

  private lookup(fullName: string): ProtoMessage | ProtoEnum | undefined {
    const path = fullName.replace(/^\./, '').split('.');
    const cached = this.types.get(path.join('.'));
    if (cached) return cached;
    let node: NestedJson | undefined = this.json;
    for (const part of path) node = node && childOf(node, part);
    return node && (isMessageJson(node) || isEnumJson(node)) ? this.typeAt(path, node) : undefined;
  }

  private typeAt(path: readonly string[], json: NestedJson): ProtoMessage | ProtoEnum {
    const key = path.join('.');
    let type = this.types.get(key);
    if (!type) {
      const name = path[path.length - 1];
      const fullName = `.${key}`;
      if (isMessageJson(json)) type = this.messageAt(path, name, fullName, json);
      else if (isEnumJson(json)) type = { kind: 'enum', name, fullName, values: json.values };
      else throw new Error(`${fullName} in protos.json is neither a message nor an enum`);
      this.types.set(key, type);
    }
    return type;
  }

  private messageAt(path: readonly string[], name: string, fullName: string, json: MessageJson): ProtoMessage {
    let fields: readonly ProtoField[] | undefined;
    let oneofs: readonly (readonly string[])[] | undefined;
    const resolve = (typeName: string, fieldName: string) => this.resolve(path, typeName, `${fullName}.${fieldName}`);
    return {
      kind: 'message',
      name,
      fullName,
      get fields() {
        return (fields ??= Object.entries(json.fields).map(([fieldName, field]) => ({
          name: fieldName,
          fullName: `${fullName}.${fieldName}`,
          type: field.type,
          repeated: field.rule === 'repeated',
          map: field.keyType !== undefined,
          resolvedType: SCALARS.has(field.type) ? null : resolve(field.type, fieldName),
        })));
      },
      get oneofs() {
        // A member that is not a field of the message is ignored, as protobufjs does.
        return (oneofs ??= Object.values(json.oneofs ?? {}).map((oneof) =>
          oneof.oneof.filter((member) => Object.hasOwn(json.fields, member)),
        ));
      },
    };
  }

  private resolve(scope: readonly string[], typeName: string, fieldName: string): ProtoMessage | ProtoEnum {
    const path = resolveTypeName(this.json, scope, typeName);
    // protobufjs' resolveAll threw on this too: the descriptor is broken, not the user's input.
    if (!path) throw new Error(`protos.json: type "${typeName}" of ${fieldName} resolves to no message or enum`);
    return this.lookup(path.join('.'))!;
  }
}
