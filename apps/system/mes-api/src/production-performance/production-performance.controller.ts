import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ProductionConfirmation } from '@plantsync/canonical';
import {
  B2mmlFormatError,
  buildAcknowledgeProductionPerformance,
  ConnectorRegistry,
  parseProductionPerformance,
  type B2mmlMesConnector,
} from '@plantsync/connectors';
import { Landscape } from '@plantsync/landscape';
import {
  Allow,
  currentCorrelationId,
  Idempotent,
  PlantParam,
  ProblemException,
} from '@plantsync/platform';
import type { FastifyReply } from 'fastify';
import {
  confirmationsFromJson,
  MAX_CONFIRMATIONS_PER_REQUEST,
  validateConfirmations,
  type ReceivedConfirmation,
} from './confirmation-batch';
import { InboundConfirmationsService } from './inbound-confirmations.service';
import {
  ConfirmationStatusAnswer,
  ConfirmationStatusInput,
  InboundReceipt,
  StoredConfirmation,
} from './inbound-receipt';

const isXml = (contentType: string | undefined) =>
  /^(?:application|text)\/(?:[\w.-]+\+)?xml\b/i.test(contentType ?? '');

/**
 * The plant MES' inbound door: production confirmations (JSON or B2MML) are validated, deduplicated
 * by message id per plant and stored durably before we answer 202. Forwarding to ERP and WMS
 * happens later, from the stored rows (status 'received').
 */
@ApiTags('production-performance')
@Controller('v1/plants/:plant/production-performance')
@PlantParam()
export class ProductionPerformanceController {
  constructor(
    @Inject(InboundConfirmationsService) private readonly inbox: InboundConfirmationsService,
    @Inject(Landscape) private readonly landscape: Landscape,
    @Inject(ConnectorRegistry) private readonly registry: ConnectorRegistry,
  ) {}

  @Post()
  @HttpCode(202)
  @Allow('mes', 'service')
  @Idempotent()
  @ApiOperation({
    summary: 'Report production (one confirmation, a batch, or B2MML SyncProductionPerformance)',
    description:
      `application/json: one ProductionConfirmation or { confirmations: [...] } (1..${MAX_CONFIRMATIONS_PER_REQUEST}). ` +
      'application/xml: B2MML V0600 SyncProductionPerformance or ProcessProductionPerformance. ' +
      'Every message is stored once per (plant, messageId); repeats come back under duplicates. ' +
      'With Accept: application/xml an XML post is answered with AcknowledgeProductionPerformance.',
  })
  @ApiConsumes('application/json', 'application/xml')
  @ApiBody({ type: ProductionConfirmation })
  @ApiAcceptedResponse({ type: InboundReceipt })
  @ApiBadRequestResponse({
    description: 'Bad fields, listed with their index; nothing was stored.',
  })
  async receive(
    @Param('plant') plant: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InboundReceipt | string> {
    this.landscape.plant(plant); // 404 plant-not-found
    const xml = isXml(contentType);
    const parsed = xml ? this.readXml(body) : undefined;
    const items = parsed ? parsed.items : confirmationsFromJson(body);
    if (items.length > MAX_CONFIRMATIONS_PER_REQUEST) {
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'Request validation failed',
        detail: `at most ${MAX_CONFIRMATIONS_PER_REQUEST} confirmations per request (got ${items.length})`,
        extensions: {
          errors: [
            {
              field: 'confirmations',
              message: `at most ${MAX_CONFIRMATIONS_PER_REQUEST} per request`,
            },
          ],
        },
      });
    }
    const confirmations = await validateConfirmations(items, plant);
    const receipt = await this.inbox.receive(
      plant,
      confirmations,
      xml ? 'b2mml' : 'json',
      currentCorrelationId(),
    );
    if (parsed && /application\/xml|text\/xml/i.test(accept ?? '')) {
      void reply.header('content-type', 'application/xml; charset=utf-8');
      return buildAcknowledgeProductionPerformance({
        original: parsed.original,
        application: { sender: 'PLANTSYNC', component: 'mes-api', bodId: receipt.receiptId },
        hierarchyScope: this.hierarchyScopeOf(plant),
        messageIds: [...receipt.accepted, ...receipt.duplicates],
      });
    }
    return receipt;
  }

  @Get(':messageId')
  @Allow('mes', 'service', 'planner')
  @ApiOperation({ summary: 'A stored inbound confirmation and its processing status' })
  @ApiOkResponse({ type: StoredConfirmation })
  async find(
    @Param('plant') plant: string,
    @Param('messageId') messageId: string,
  ): Promise<StoredConfirmation> {
    this.landscape.plant(plant);
    const stored = await this.inbox.find(plant, messageId);
    if (!stored) {
      throw new ProblemException({
        status: 404,
        code: 'confirmation-not-found',
        title: 'Confirmation not found',
        detail: `No confirmation ${messageId} was received for plant ${plant}.`,
      });
    }
    return stored;
  }

  // Not @Idempotent: setting a status is naturally idempotent, and production-sync repeats it on redelivery.
  @Post(':messageId/status')
  @HttpCode(200)
  @Allow('service')
  @ApiOperation({
    summary: 'Report how far a stored confirmation got (production-sync)',
    description:
      'waiting: an earlier sequence of its order is missing; posted: in ERP and WMS; failed: a dead letter names the reason. Setting the same status twice is harmless.',
  })
  @ApiBody({ type: ConfirmationStatusInput })
  @ApiOkResponse({ type: ConfirmationStatusAnswer })
  async setStatus(
    @Param('plant') plant: string,
    @Param('messageId') messageId: string,
    @Body() body: ConfirmationStatusInput,
  ): Promise<ConfirmationStatusAnswer> {
    this.landscape.plant(plant);
    if (!(await this.inbox.setStatus(plant, messageId, body.status))) {
      throw new ProblemException({
        status: 404,
        code: 'confirmation-not-found',
        title: 'Confirmation not found',
        detail: `No confirmation ${messageId} was received for plant ${plant}.`,
      });
    }
    return { plant, messageId, status: body.status };
  }

  /** B2MML → confirmations; the MES names its site by its own code (landscape options.hierarchyScope). */
  private readXml(body: unknown): {
    items: ReceivedConfirmation[];
    original: { bodId?: string; sender?: string; createdAt?: string };
  } {
    try {
      const doc = parseProductionPerformance(typeof body === 'string' ? body : '', {
        plantOfScope: (scope) => this.plantOfScope(scope),
      });
      return {
        items: doc.confirmations.map((c, i) => ({
          field: `confirmations[${i}]`,
          source: c.path,
          raw: c.confirmation,
        })),
        original: { bodId: doc.bodId, sender: doc.sender, createdAt: doc.createdAt },
      };
    } catch (e) {
      if (!(e instanceof B2mmlFormatError)) throw e;
      throw new ProblemException({
        status: 400,
        code: 'invalid-b2mml',
        title: 'Invalid B2MML document',
        detail: e.message,
        extensions: { errors: e.problems.map((message) => ({ field: 'body', message })) },
      });
    }
  }

  private plantOfScope(scope: string): string | undefined {
    return this.landscape.plants().find((p) => p.systems.mes.options.hierarchyScope === scope)
      ?.code;
  }

  private hierarchyScopeOf(plant: string): string {
    return (this.registry.mes(plant) as Partial<B2mmlMesConnector>).hierarchyScope ?? plant;
  }
}
