import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class Plant {
  @ApiProperty({ example: 'P100' }) code!: string;
  @ApiProperty({ example: 'Detroit' }) name!: string;
  @ApiProperty({ example: 'NA' }) region!: string;
  @ApiProperty({ example: 'America/Detroit' }) timeZone!: string;
}

export type LocationKind = 'raw_materials' | 'line_side' | 'finished_goods' | 'quality_inspection' | 'in_transit' | 'storage';

export class Location {
  @ApiProperty({ example: 'P100-RM' }) code!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'Raw materials store' }) name!: string;
  @ApiProperty({
    enum: ['raw_materials', 'line_side', 'finished_goods', 'quality_inspection', 'in_transit', 'storage'],
  })
  kind!: LocationKind;
}

export class WorkCenter {
  @ApiProperty({ example: 'P100-WC-ASSY1' }) code!: string;
  @ApiProperty({ example: 'P100' }) plant!: string;
  @ApiProperty({ example: 'Assembly line 1' }) name!: string;
  @ApiPropertyOptional({ example: 'P100-LINE1', description: 'Line-side location it consumes from' })
  lineLocation?: string;
}
