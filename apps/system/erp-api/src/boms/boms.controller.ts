import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { BillOfMaterials, BomExplosion } from '@plantsync/canonical';
import { Allow, PlantParam } from '@plantsync/platform';
import { BomExplosionQuery, BomQuery } from './bom.query';
import { BomsService } from './boms.service';

@ApiTags('boms')
@Controller('v1/plants/:plant/items/:code/bom')
@Allow('planner', 'service')
@PlantParam()
export class BomsController {
  constructor(@Inject(BomsService) private readonly boms: BomsService) {}

  @Get()
  @ApiOperation({
    summary: 'The BOM revision in force',
    description: 'The released revision effective on `at` (effectiveFrom ≤ at < effectiveTo).',
  })
  @ApiOkResponse({ type: BillOfMaterials })
  @ApiNotFoundResponse({
    description: 'item-not-found, or no-released-bom-revision naming item and day',
  })
  get(
    @Param('plant') plant: string,
    @Param('code') code: string,
    @Query() query: BomQuery,
  ): Promise<BillOfMaterials> {
    return this.boms.effective(plant, code, query.at);
  }

  @Get('explosion')
  @ApiOperation({
    summary: 'Multi-level explosion',
    description:
      'Gross requirement of every component on every level for `quantity` of the item: parent quantity × quantityPer ÷ baseQuantity × (1 + scrapFactor), in each component’s base unit.',
  })
  @ApiOkResponse({ type: BomExplosion })
  @ApiConflictResponse({
    description: 'no-released-bom-revision of a sub-assembly, bom-cycle, bom-too-deep',
  })
  explode(
    @Param('plant') plant: string,
    @Param('code') code: string,
    @Query() query: BomExplosionQuery,
  ): Promise<BomExplosion> {
    return this.boms.explode(plant, code, query);
  }
}
