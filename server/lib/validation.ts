import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchemaCompiler,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { z } from 'zod';

/**
 * Types each request from its route's zod schemas: `req.body`, `req.query` and `req.params` are the
 * schema's output (after coercion and defaults), and a handler's return value must fit the
 * response schema's input. Types only; `useZod` below does the parsing at run time.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

/** The Fastify instance every route module receives: requests typed by their schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The typed view of an instance (the same object: type providers exist only for the compiler). */
export function typed(app: FastifyInstance): App {
  return app.withTypeProvider<ZodTypeProvider>();
}

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
