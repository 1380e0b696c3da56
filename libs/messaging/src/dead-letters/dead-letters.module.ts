import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';

/**
 * The admin REST API over dead letters (`/v1/dead-letters`). Import it next to
 * MessagingModule.forRoot, which provides DeadLetterService.
 */
@Module({ controllers: [DeadLettersController] })
export class DeadLettersModule {}
