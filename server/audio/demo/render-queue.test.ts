import { describe, expect, it } from 'vitest';
import { audioWanted, onAudioWanted, RenderQueue } from './render-queue.js';

const ids = (q: RenderQueue<{ id: string }>) => {
  const out: string[] = [];
  for (let j = q.next(); j; j = q.next()) out.push(j.id);
  return out;
};

describe('the demo render queue', () => {
  it('hands out songs in the planned order', () => {
    expect(ids(new RenderQueue([{ id: 'a' }, { id: 'b' }, { id: 'c' }]))).toEqual(['a', 'b', 'c']);
  });

  it('moves a wanted song to the front, once, and says whether it was still waiting', () => {
    const q = new RenderQueue([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]);
    expect(q.next()?.id).toBe('a'); // being rendered: no longer waiting
    expect(q.prefer('a')).toBe(false);
    expect(q.prefer('d')).toBe(true);
    expect(q.prefer('c')).toBe(true);
    expect(q.prefer('zz')).toBe(false);
    expect(q.size).toBe(3);
    expect(ids(q)).toEqual(['c', 'd', 'b']);
  });

  it('tells every listener which song was asked for, until it stops listening', () => {
    const heard: string[] = [];
    const stop = onAudioWanted((id) => heard.push(id));
    audioWanted('x');
    stop();
    audioWanted('y');
    expect(heard).toEqual(['x']);
  });
});
