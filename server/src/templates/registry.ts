// Validated templates, looked up by version. Validation runs once, on first use.
import { format2019 } from './format-2019';
import { format2021 } from './format-2021';
import { templateSchema, type TemplateDef, type TemplateInput } from './schema';

let validated: TemplateDef[] | undefined;
const extra: TemplateInput[] = [];

/** Adds a template (e.g. a provincial variant) before first use; throws a ZodError naming the bad key. */
export function registerTemplate(input: TemplateInput): void {
  templateSchema.parse(input);
  extra.push(input);
  validated = undefined;
}

export function templates(): readonly TemplateDef[] {
  validated ??= [format2019, format2021, ...extra].map((t) => templateSchema.parse(t));
  return validated;
}

export function templateFor(version: '2019' | '2021', variant?: string): TemplateDef {
  const all = templates();
  return (
    all.find((t) => t.version === version && t.variant === variant) ??
    all.find((t) => t.version === version && !t.variant)!
  );
}
