import { randomUUID } from 'node:crypto';
import { fold, isStorableText } from '@order-liability/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FormFields, parseAnswer } from '../merchant-answer';
import { merchantPage } from '../merchant-page';
import { readCase } from '../read-case';
import { recordAnswer } from '../record-answer';
import { errorAnswer } from '../error-handler';
import { statusOfDomainCode } from '../service-error';
import type { ServiceContext } from '../service-context';
import { type LinkQuery, verifyLink } from '../signed-link';

interface FormRequest {
  readonly Params: { readonly orderId: string };
  readonly Querystring: Partial<LinkQuery>;
}

const FORM_KEY = /^[A-Za-z0-9-]{8,64}$/;

/** Only strings reach the answer: a repeated field (an array) counts as its first value. */
const formFields = (body: unknown): FormFields => {
  if (typeof body !== 'object' || body === null) return {};
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const first: unknown = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[name] = first;
  }
  return fields;
};

/**
 * The merchant's form: server-rendered HTML that works without JavaScript, reached through a
 * signed link. A link that is expired, altered or made for another case gets 403 and a page
 * that says nothing of any case.
 */
export const registerMerchantForm = (app: FastifyInstance, context: ServiceContext): void => {
  const page = (
    reply: FastifyReply,
    status: number,
    template: string,
    data: object,
  ): FastifyReply =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .send(context.views.render(template, data));

  const refused = (reply: FastifyReply): FastifyReply =>
    page(reply, 403, './refused', {
      title: 'This link is not valid',
      message:
        'The link has expired or is not complete. Use the latest link Klarna sent you, or contact Klarna’s merchant support for a new one.',
    });

  const unknown = (reply: FastifyReply): FastifyReply =>
    page(reply, 404, './refused', {
      title: 'No such case',
      message: 'There is no stop request behind this link. Contact Klarna’s merchant support.',
    });

  // The merchant gets a page, never JSON or a stack trace; the page names no case.
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorAnswer(error);
    if (status >= 500) request.log.error({ err: error }, 'form request failed');
    else request.log.info({ code: body.code, status }, 'form request refused');
    return status >= 500
      ? page(reply, status, './refused', {
          title: 'The form is unavailable',
          message:
            'The form cannot be shown or saved right now; nothing was lost. Please try again in a few minutes.',
        })
      : page(reply, status, './refused', {
          title: 'The answer could not be read',
          message: 'Go back to the form, reload it and answer again.',
        });
  });

  const linkIsValid = (orderId: string, query: Partial<LinkQuery>): boolean =>
    isStorableText(orderId) &&
    verifyLink(context.linkSecret, orderId, query, Math.floor(context.now().getTime() / 1000));

  const actionOf = (orderId: string, query: Partial<LinkQuery>): string =>
    `/cases/${encodeURIComponent(orderId)}/form?exp=${query.exp ?? ''}&sig=${query.sig ?? ''}`;

  const querySchema = {
    type: 'object',
    properties: { exp: { type: 'string' }, sig: { type: 'string' } },
  } as const;
  const routeSchema = {
    hide: true,
    params: { type: 'object', properties: { orderId: { type: 'string' } } },
    querystring: querySchema,
  };

  app.get<FormRequest>('/cases/:orderId/form', { schema: routeSchema }, async (request, reply) => {
    const { orderId } = request.params;
    if (!linkIsValid(orderId, request.query)) return refused(reply);
    const read = await readCase(context.store, orderId);
    if (read === undefined || read.state.stop === null) return unknown(reply);
    return page(
      reply,
      200,
      './case',
      merchantPage({
        state: read.state,
        policy: context.policy,
        now: context.now(),
        formAction: actionOf(orderId, request.query),
        idempotencyKey: randomUUID(),
      }),
    );
  });

  app.post<FormRequest>('/cases/:orderId/form', { schema: routeSchema }, async (request, reply) => {
    const { orderId } = request.params;
    if (!linkIsValid(orderId, request.query)) return refused(reply);
    const read = await readCase(context.store, orderId);
    if (read === undefined || read.state.stop === null) return unknown(reply);
    const fields = formFields(request.body);
    const now = context.now();
    const formAction = actionOf(orderId, request.query);
    const formKey = fields['idempotencyKey'] ?? '';
    const render = (status: number, extra: object, state = read.state): FastifyReply =>
      page(reply, status, './case', {
        ...merchantPage({
          state,
          policy: context.policy,
          now,
          formAction,
          idempotencyKey: FORM_KEY.test(formKey) ? formKey : randomUUID(),
          fields,
          ...extra,
        }),
      });
    if (!FORM_KEY.test(formKey))
      return render(400, {
        formError: 'The form is incomplete. Reload the page and answer again.',
      });
    // The answer is read against the case without this form's own events, so that a
    // resubmission finds the same answer allowed and records only what is missing.
    const ownKey = `${formKey}/`;
    const before = fold(
      read.events.filter((event) => !(event.metadata.idempotencyKey ?? '').startsWith(ownKey)),
    );
    const parsed = parseAnswer(fields, before, now.toISOString());
    if (!parsed.ok) return render(422, { errors: parsed.errors });
    const outcome = await recordAnswer(
      context.store,
      orderId,
      parsed.commands,
      formKey,
      context.policy,
    );
    if (!outcome.ok) {
      const field =
        (outcome.error.code === 'INVALID_AMOUNT' ||
          outcome.error.code === 'SHIPMENT_AMOUNT_REQUIRED') &&
        outcome.refused.amountField !== undefined
          ? outcome.refused.amountField
          : outcome.refused.rowField;
      context.metrics.commands.inc({
        command: outcome.refused.command.type,
        outcome: outcome.error.code,
      });
      return render(statusOfDomainCode(outcome.error.code), {
        errors: { [field]: outcome.error.message },
      });
    }
    for (const answer of parsed.commands)
      context.metrics.commands.inc({
        command: answer.command.type,
        outcome: outcome.duplicate ? 'duplicate' : 'recorded',
      });
    const after = await readCase(context.store, orderId);
    return page(
      reply,
      200,
      './case',
      merchantPage({
        state: after?.state ?? read.state,
        policy: context.policy,
        now,
        formAction,
        idempotencyKey: randomUUID(),
        notice: 'Thank you: your answer is recorded.',
      }),
    );
  });
};
