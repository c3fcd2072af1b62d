import { expect } from 'vitest';
import type { SlackBlock } from '../../src/adapters/slack/render-blocks.js';

/** Asserts Block Kit's limits on a message: Slack rejects the whole message when one is broken. */
export function expectWithinLimits(blocks: SlackBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'section') {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'context')
      for (const element of block.elements) expect('text' in element ? element.text.length : 0).toBeLessThanOrEqual(2000);
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(5);
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        expect(element.text.text.length).toBeLessThanOrEqual(75);
        expect(element.value?.length ?? 0).toBeLessThanOrEqual(2000);
      }
    }
  }
}
