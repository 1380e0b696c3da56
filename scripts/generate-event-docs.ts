// Writes docs/events.md from the event catalogue. libs/messaging/src/events/event-docs.spec.ts
// fails when the checked-in file differs from what this would write.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventDocs } from '@plantsync/messaging';

const target = path.resolve(__dirname, '..', 'docs', 'events.md');
writeFileSync(target, renderEventDocs());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
