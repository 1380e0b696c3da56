import { Body, Controller, HttpCode, Inject, Param, Post, Req, UseFilters } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isKnownPlant, requestContext } from '../core';
import { OdooCallService } from './orm/odoo-call.service';
import { OdooErrorFilter } from './orm/odoo-error.filter';
import { badRequest, notFound, unauthorized } from './orm/odoo-errors';

/**
 * Odoo 19's External JSON-2 API for each plant's ERP:
 * `POST /plants/:plant/erp/json/2/<model>/<method>` with `Authorization: bearer <api key>`,
 * optional `X-Odoo-Database`, the method's named arguments as the JSON body, and the method's
 * return value as the JSON response (errors: HTTP status + `{ name, message, arguments, context, debug }`).
 */
@Controller('plants/:plant/erp/json/2')
@UseFilters(OdooErrorFilter)
export class OdooJson2Controller {
  constructor(@Inject(OdooCallService) private readonly odoo: OdooCallService) {}

  @Post(':model/:method')
  @HttpCode(200)
  call(
    @Param('plant') plant: string,
    @Param('model') model: string,
    @Param('method') method: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): unknown {
    if (!isKnownPlant(plant)) throw notFound(`no Odoo database is served for plant ${plant}`);
    // Any non-empty key is accepted, like a freshly generated one; a missing key is refused.
    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || !/^bearer\s+\S+/i.test(auth)) throw unauthorized();
    if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body)))
      throw badRequest('the JSON body must be an object of named arguments');
    const result = this.odoo.call(requestContext(req), model, method, (body ?? {}) as Record<string, unknown>);
    // JSON-2 serialises the method's return value as is; Nest would send `undefined` as an empty body.
    return result === undefined ? null : result;
  }
}
