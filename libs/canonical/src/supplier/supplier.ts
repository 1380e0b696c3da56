import { ApiProperty } from '@nestjs/swagger';

export class Supplier {
  @ApiProperty({ example: 'SUP-1001' }) id!: string;
  @ApiProperty({ example: 'Great Lakes Fasteners Inc.' }) name!: string;
  @ApiProperty({ example: 'US' }) country!: string;
}
