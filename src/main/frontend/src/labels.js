// The Chinese label of a form field named by a refusal (the field's key in the form's schema).
export function fieldLabel(schema, key) {
  let found = '';
  const walk = (components) => (components || []).forEach((c) => {
    if (found) return;
    if (c.key === key && c.label) found = c.label;
    walk(c.components);
  });
  walk(schema && schema.components);
  return found;
}
