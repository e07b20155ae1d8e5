/**
 * A stricter check of console-extensions.json than the webpack SDK's: every extension must be
 * of a type the SDK's schema defines and must match that type's own definition (the SDK's
 * build-time check accepts any `{type, properties}` as a custom extension), and every
 * `$codeRef` must name an exposed module and an export that module really has.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import ts from 'typescript';

export interface Extension {
  type: string;
  properties: Record<string, unknown>;
  flags?: unknown;
}

interface JsonSchema {
  definitions: Record<string, { properties?: { type?: { const?: string } } }>;
}

const SCHEMA_PATH =
  require.resolve('@openshift-console/dynamic-plugin-sdk-webpack/schema/console-extensions.json');

/** Loads the SDK's console-extensions schema as shipped in the webpack SDK package. */
export const loadSdkSchema = (): JsonSchema =>
  JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as JsonSchema;

/** Maps each extension type the schema knows to the name of its definition. */
export const definitionsByType = (schema: JsonSchema): Map<string, string> => {
  const byType = new Map<string, string>();
  for (const [name, definition] of Object.entries(schema.definitions)) {
    const type = definition.properties?.type?.const;
    if (type) {
      byType.set(type, name);
    }
  }
  return byType;
};

/** Every `{ $codeRef }` value inside an extension's properties. */
export const findCodeRefs = (value: unknown): string[] => {
  if (Array.isArray(value)) {
    return value.flatMap(findCodeRefs);
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$codeRef === 'string') {
      return [record.$codeRef];
    }
    return Object.values(record).flatMap(findCodeRefs);
  }
  return [];
};

/** The names a module exports (`default` for a default export). */
export const exportedNames = (fileName: string, text: string): Set<string> => {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const isExported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    const isDefault = modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) ?? false;
    if (ts.isExportAssignment(statement)) {
      names.add('default');
    } else if (isExported && isDefault) {
      names.add('default');
    } else if (isExported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
      }
    } else if (
      isExported &&
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      }
    }
  }
  return names;
};

const resolveModuleFile = (srcDir: string, request: string): string | undefined => {
  const base = path.resolve(srcDir, request);
  return ['.tsx', '.ts', '/index.tsx', '/index.ts']
    .map((suffix) => base + suffix)
    .find((candidate) => fs.existsSync(candidate));
};

/** Checks extensions against the schema and the exposed modules; returns readable problems. */
export const checkExtensions = (
  extensions: unknown,
  exposedModules: Record<string, string>,
  srcDir: string,
  schema: JsonSchema = loadSdkSchema(),
): string[] => {
  if (!Array.isArray(extensions)) {
    return ['console-extensions.json must be an array of extensions.'];
  }
  const problems: string[] = [];
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema, 'sdk');
  const byType = definitionsByType(schema);
  const usedModules = new Set<string>();

  extensions.forEach((candidate: unknown, index) => {
    const extension = candidate as Partial<Extension>;
    const where = `extension #${index} (${String(extension.type)})`;
    const definition = typeof extension.type === 'string' ? byType.get(extension.type) : undefined;
    if (!definition) {
      problems.push(`${where}: unknown extension type.`);
      return;
    }
    const validate = ajv.getSchema(`sdk#/definitions/${definition}`);
    if (!validate) {
      problems.push(`${where}: the schema has no definition ${definition}.`);
      return;
    }
    if (!validate(candidate)) {
      for (const error of validate.errors ?? []) {
        problems.push(`${where}: ${error.instancePath || '/'} ${error.message ?? 'is invalid'}.`);
      }
    }
    for (const ref of findCodeRefs(extension.properties)) {
      const [moduleName = '', exportName = 'default'] = ref.split('.');
      const request = exposedModules[moduleName];
      if (!request) {
        problems.push(`${where}: $codeRef ${ref} names no exposed module.`);
        continue;
      }
      usedModules.add(moduleName);
      const file = resolveModuleFile(srcDir, request);
      if (!file) {
        problems.push(`${where}: exposed module ${moduleName} (${request}) has no source file.`);
        continue;
      }
      if (!exportedNames(file, fs.readFileSync(file, 'utf8')).has(exportName)) {
        problems.push(`${where}: ${request} does not export ${exportName}.`);
      }
    }
  });
  for (const moduleName of Object.keys(exposedModules)) {
    if (!usedModules.has(moduleName)) {
      problems.push(`exposed module ${moduleName} is not used by any extension.`);
    }
  }
  return problems;
};
