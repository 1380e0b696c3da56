import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidB2mml } from './mes-b2mml.xml';

/** Unreadable B2MML is the caller's fault: 400 with the reason as `{ error }`, never a 500. */
@Catch(InvalidB2mml)
export class InvalidB2mmlFilter implements ExceptionFilter {
  catch(exception: InvalidB2mml, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.code(400).header('content-type', 'application/json; charset=utf-8').send({ error: exception.message });
  }
}
