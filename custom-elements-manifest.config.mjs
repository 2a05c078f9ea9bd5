// `cem analyze` (run by `npm run build`): the manifest's attributes come from the element's property
// table (src/element/attributes.ts), each described by its property's doc comment in the class.
import { tsImport } from 'tsx/esm/api';

const { PROPERTIES, attributeOf } = await tsImport('./src/element/attributes.ts', import.meta.url);

/** The types of the properties set from script only, whose declarations carry no runtime hint. */
const SCRIPT_ONLY_TYPES = {
  navigate: 'Navigate | undefined',
  strings: 'Partial<FreedomIdLoginStrings> | undefined',
};

/** The type text of a property, as `ValueOf` in attributes.ts derives it from the declaration. */
function typeText(fieldName) {
  const declaration = PROPERTIES[fieldName];
  if (declaration.attribute === false) return SCRIPT_ONLY_TYPES[fieldName];
  if (declaration.type === Boolean) return 'boolean';
  if (declaration.choices !== undefined)
    return [...declaration.choices.map((choice) => `'${choice}'`), 'undefined'].join(' | ');
  if (declaration.type === Number) return 'number | undefined';
  return declaration.useDefault === true ? 'string' : 'string | undefined';
}

/** Lists each attribute of the table on the custom element's declaration, with its field's description and type. */
const attributesFromTable = {
  name: 'freedomid-attributes-from-table',
  packageLinkPhase({ customElementsManifest }) {
    const declarations = customElementsManifest.modules.flatMap(
      (module) => module.declarations ?? [],
    );
    for (const declaration of declarations.filter(({ customElement }) => customElement)) {
      for (const member of declaration.members ?? []) {
        if (member.name in PROPERTIES) member.type = { text: typeText(member.name) };
      }
      declaration.attributes = Object.keys(PROPERTIES).flatMap((fieldName) => {
        const name = attributeOf(fieldName);
        if (name === undefined) return [];
        const field = declaration.members?.find((member) => member.name === fieldName);
        return [{ name, fieldName, description: field?.description, type: field?.type }];
      });
    }
  },
};

export default {
  globs: ['src/element/freedomid-login.ts'],
  outdir: '.',
  plugins: [attributesFromTable],
};
