// Lint reads the protos.json descriptor shipped in @google-cloud/monitoring-dashboards (fast to
// load) instead of parsing the package's .proto files, and reads it with its own reader instead of
// protobufjs. This checks that what lint sees describes the same Dashboard messages as the .proto
// files (every message, field name, type and enum value), and that the reader resolves every
// field of both descriptors to the message or enum protobufjs does. protobufjs is used here only,
// as the reference.
import * as fs from 'fs';
import * as path from 'path';
import * as protobuf from 'protobufjs';
import {
  childOf,
  isEnumJson,
  isExtensionJson,
  isMessageJson,
  type NamespaceJson,
  type NestedJson,
} from '../../src/tools/lint/proto/descriptor-json';
import { DescriptorRoot } from '../../src/tools/lint/proto/descriptor-root';
import { dashboardMessage, descriptorRoot } from '../../src/tools/lint/proto/proto-schema';
import type { ProtoField } from '../../src/tools/lint/proto/proto-types';

const DASHBOARDS_DESCRIPTOR = '@google-cloud/monitoring-dashboards/build/protos/protos.json';
const MONITORING_DESCRIPTOR = '@google-cloud/monitoring/build/protos/protos.json';
const PACKAGE_PROTOS = path.dirname(require.resolve(DASHBOARDS_DESCRIPTOR));
// google/api/*.proto (field_behavior, resource) come with google-gax; google/protobuf/* with protobufjs.
const GAX_PROTOS = path.resolve(
  path.dirname(require.resolve('google-gax', { paths: [PACKAGE_PROTOS] })),
  '..',
  'protos',
);

function describeField(field: protobuf.Field | ProtoField): [string, string] {
  return [
    field.name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    `${field.repeated ? 'repeated ' : ''}${field.map ? 'map ' : ''}${field.type}`,
  ];
}

function describeNamespace(namespace: protobuf.NamespaceBase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const nested of namespace.nestedArray) {
    if (nested instanceof protobuf.Type) {
      out[nested.name] = {
        fields: Object.fromEntries(nested.fieldsArray.map(describeField)),
        nested: describeNamespace(nested),
      };
    } else if (nested instanceof protobuf.Enum) {
      out[nested.name] = Object.keys(nested.values);
    } else if (nested instanceof protobuf.Namespace) {
      out[nested.name] = describeNamespace(nested);
    }
  }
  return out;
}

/** The same description, of what lint's reader makes of the descriptor (the JSON only lists what is nested). */
function describeDescriptor(root: DescriptorRoot, json: NestedJson, fullName: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys('nested' in json ? (json.nested ?? {}) : {})) {
    const nested = childOf(json, name)!;
    const nestedName = `${fullName}.${name}`;
    if (isMessageJson(nested)) {
      out[name] = {
        fields: Object.fromEntries(root.message(nestedName).fields.map(describeField)),
        nested: describeDescriptor(root, nested, nestedName),
      };
    } else if (isEnumJson(nested)) {
      out[name] = Object.keys(root.enum(nestedName).values);
    } else if (!isExtensionJson(nested)) {
      out[name] = describeDescriptor(root, nested, nestedName);
    }
  }
  return out;
}

function packageJson(json: NamespaceJson, fullName: string): NestedJson {
  return fullName.split('.').reduce<NestedJson>((node, part) => childOf(node, part)!, json);
}

test('the shipped descriptor matches the shipped .proto files', () => {
  const fromProto = new protobuf.Root();
  fromProto.resolvePath = (_origin, target) =>
    [PACKAGE_PROTOS, GAX_PROTOS].map((base) => path.join(base, target)).find((candidate) => fs.existsSync(candidate)) ??
    target;
  const files = fs
    .readdirSync(path.join(PACKAGE_PROTOS, 'google/monitoring/dashboard/v1'))
    .filter((file) => file.endsWith('.proto'));
  fromProto.loadSync(files.map((file) => `google/monitoring/dashboard/v1/${file}`));
  fromProto.resolveAll();

  expect(dashboardMessage().fullName).toBe('.google.monitoring.dashboard.v1.Dashboard');
  const descriptorPackage = describeDescriptor(
    descriptorRoot('dashboards'),
    packageJson(require(DASHBOARDS_DESCRIPTOR) as NamespaceJson, 'google.monitoring.dashboard.v1'),
    '.google.monitoring.dashboard.v1',
  );
  const protoPackage = fromProto.lookup('google.monitoring.dashboard.v1') as protobuf.Namespace;
  const expected = describeNamespace(protoPackage);
  expect(Object.keys(expected)).toContain('Dashboard');
  expect(descriptorPackage).toEqual(expected);
});

function messagesOf(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.flatMap((nested) => [
    ...(nested instanceof protobuf.Type ? [nested] : []),
    ...(nested instanceof protobuf.Namespace ? messagesOf(nested) : []),
  ]);
}

test.each(['dashboards', 'monitoring'] as const)(
  'the reader resolves every field of the %s descriptor as protobufjs does',
  (pkg) => {
    const reference = protobuf.Root.fromJSON(
      require(pkg === 'dashboards' ? DASHBOARDS_DESCRIPTOR : MONITORING_DESCRIPTOR) as protobuf.INamespace,
    );
    reference.resolveAll();
    const reader = descriptorRoot(pkg);
    const messages = messagesOf(reference);
    expect(messages.length).toBeGreaterThan(100);
    for (const message of messages) {
      // protobufjs also lists extension fields (google/api's options) in the messages they extend;
      // those are all google.protobuf.*Options, which walk-message never descends into.
      const fields = message.fieldsArray.filter((field) => !field.declaringField);
      if (fields.length < message.fieldsArray.length)
        expect(message.fullName).toMatch(/^\.google\.protobuf\.\w+Options$/);
      const read = reader.message(message.fullName);
      expect([read.name, read.fullName]).toEqual([message.name, message.fullName]);
      expect(
        read.fields.map((field) => [
          field.name,
          field.fullName,
          field.type,
          field.repeated,
          field.map,
          field.resolvedType?.kind ?? null,
          field.resolvedType?.fullName ?? null,
        ]),
      ).toEqual(
        fields.map((field) => [
          field.name,
          field.fullName,
          field.type,
          field.repeated,
          field.map,
          field.resolvedType instanceof protobuf.Enum ? 'enum' : field.resolvedType ? 'message' : null,
          field.resolvedType?.fullName ?? null,
        ]),
      );
      expect(read.oneofs).toEqual(message.oneofsArray.map((oneof) => oneof.fieldsArray.map((field) => field.name)));
      for (const field of read.fields) {
        if (field.resolvedType?.kind === 'enum')
          expect(field.resolvedType.values).toEqual({
            ...(message.fields[field.name].resolvedType as protobuf.Enum).values,
          });
      }
    }
  },
);

// The shipped descriptors have no shadowed names, so the scoping rule itself is checked here.
test('type names resolve from the innermost scope outwards, a leading dot from the root', () => {
  const json: NamespaceJson = {
    nested: {
      Kind: { values: { OUTER: 0 } },
      pkg: {
        nested: {
          Kind: { values: { PACKAGE: 0 } },
          Inner: { fields: {}, nested: { Kind: { values: { INNER: 0 } } } },
          Outer: {
            fields: {},
            nested: {
              Holder: {
                fields: {
                  relative: { type: 'Kind', id: 1 },
                  absolute: { type: '.Kind', id: 2 },
                  compound: { type: 'Inner.Kind', id: 3 },
                  packaged: { type: 'pkg.Kind', id: 4 },
                },
              },
              // An extension field is a symbol but no type: the search for "Kind" goes on outwards past it.
              Kind: { id: 9, type: 'string', extend: 'pkg.Inner' } as unknown as NestedJson,
            },
          },
        },
      },
    },
  };
  const holder = new DescriptorRoot(json).message('pkg.Outer.Holder');
  expect(Object.fromEntries(holder.fields.map((field) => [field.name, field.resolvedType?.fullName]))).toEqual({
    relative: '.pkg.Kind',
    absolute: '.Kind',
    compound: '.pkg.Inner.Kind',
    packaged: '.pkg.Kind',
  });
});
