import { IsString, Length, Matches } from 'class-validator';

export const WMS_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;

/** Quantities in postings: a decimal string greater than zero, with its unit. */
export class PositiveQuantityDto {
  @Matches(/^(?=.*[1-9])\d{1,18}(\.\d{1,12})?$/, { message: 'amount must be a decimal string greater than zero, e.g. "12.5"' })
  amount!: string;

  @IsString()
  @Length(1, 12)
  unit!: string;
}
