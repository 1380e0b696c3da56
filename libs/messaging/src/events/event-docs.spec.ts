import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_CATALOGUE } from './event-catalogue';
import { renderEventDocs } from './event-docs';

it('docs/events.md matches the event catalogue (run scripts/generate-event-docs.ts when this fails)', () => {
  const file = path.resolve(__dirname, '../../../../docs/events.md');
  expect(readFileSync(file, 'utf8')).toBe(renderEventDocs());
});

it('documents every catalogue type with its schema', () => {
  const text = renderEventDocs();
  for (const d of EVENT_CATALOGUE) {
    expect(text).toContain(`## ${d.name}`);
    expect(text).toContain(d.type);
  }
});
