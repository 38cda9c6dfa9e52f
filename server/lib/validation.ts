import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** Turns zod issues into one sentence that names each field, e.g. "email: must be a valid email". */
export function describeIssues(issues: z.core.$ZodIssue[], part?: string): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : part === 'body' ? 'body' : (part ?? 'input');
      const msg = i.message.startsWith(String(i.path.at(-1) ?? '\u0000')) ? i.message : `${where}: ${i.message}`;
      return msg;
    })
    .join('; ');
}

export class SchemaError extends Error {
  readonly statusCode = 422;
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

/**
 * Route schemas are zod schemas (from contract/): requests are parsed (and coerced) with them, and
 * responses are passed through them, so that nothing outside the contract is ever sent.
 */
export function useZod(app: FastifyInstance): void {
  const validator: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
    return (data: unknown) => {
      const r = schema.safeParse(data ?? (httpPart === 'body' ? undefined : {}));
      if (r.success) return { value: r.data };
      return { error: new SchemaError(describeIssues(r.error.issues, httpPart)) };
    };
  };
  app.setValidatorCompiler(validator);
  app.setSerializerCompiler<z.ZodType>(
    ({ schema }) =>
      (data) =>
        JSON.stringify(schema.parse(data)),
  );
}
