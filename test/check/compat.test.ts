import { describe, expect, it } from 'vitest';
import { ALLOWED } from '../../src/check/allow.js';
import { compat } from '../../src/check/compat.js';
import { email, page } from './page.js';

describe('compat', () => {
  it('reports one finding per feature, listing the clients without support', () => {
    const findings = compat(email(page({ body: '<div style="position:absolute">x</div><p style="position:relative">y</p>' })));
    const position = findings.filter((f) => f.message.startsWith('position:'));
    expect(position).toHaveLength(1);
    expect(position[0]).toMatchObject({ level: 'warning', rule: 'compat', where: expect.stringMatching(/^none: .*gmail\./) });
    expect(position[0]?.fix).toMatch(/check\.allow/);
  });

  it('reports partial support as info', () => {
    const findings = compat(email(page()));
    expect(findings.find((f) => f.message.startsWith('max-width:'))).toMatchObject({ level: 'info', where: expect.stringMatching(/^partial: /) });
  });

  it("accepts the preheader's hiding styles on the preheader only", () => {
    const onPreheader = compat(email(page()));
    expect(onPreheader.find((f) => f.message.startsWith('display:none:'))).toMatchObject({ level: 'info', message: expect.stringContaining('(allowed: hides the preheader') });
    const elsewhere = compat(email(page({ body: '<div class="desktop" style="display:none">Desktop only</div><p>Hello</p>' })));
    expect(elsewhere.find((f) => f.message.startsWith('display:none:'))).toMatchObject({
      level: 'warning',
      message: expect.stringMatching(/allowed only on the hidden preheader; also used by <div style="display:none"> \(line 1\)/),
    });
  });

  it("takes the config's check.allow, and flags a title that allows nothing", () => {
    const findings = compat(email(page({ body: '<div style="position:absolute">x</div>' }), {}, ['position', 'word-brake']));
    expect(findings.find((f) => f.message.startsWith('position:'))).toMatchObject({ level: 'info', message: expect.stringContaining('(allowed: listed in check.allow in the config)') });
    expect(findings.find((f) => f.message.includes('word-brake'))).toMatchObject({ level: 'warning', where: 'config check.allow' });
  });

  it('has a reason for every reviewed entry, and no entry twice', () => {
    for (const entry of ALLOWED) expect(entry.reason.length).toBeGreaterThan(20);
    expect(new Set(ALLOWED.map((e) => e.title)).size).toBe(ALLOWED.length);
  });
});
