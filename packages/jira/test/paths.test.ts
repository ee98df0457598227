import { describe, expect, test } from '@jest/globals';
import type { WorkflowGraph } from '../src/client.ts';
import { configuredRoute, shortestRoute } from '../src/paths.ts';

const graph: WorkflowGraph = {
  statuses: ['To Do', 'In Progress', 'In Review', 'In QA', 'Done', 'Blocked'],
  transitions: [
    { name: 'Start', from: ['To Do'], to: 'In Progress' },
    { name: 'Review', from: ['In Progress'], to: 'In Review' },
    { name: 'Test', from: ['In Review'], to: 'In QA' },
    { name: 'Ship', from: ['In QA'], to: 'Done' },
    { name: 'Block', from: [], to: 'Blocked' },
    { name: 'Unblock', from: ['Blocked'], to: 'To Do' },
  ],
};

describe('shortestRoute', () => {
  test('walks the graph hop by hop', () => {
    expect(shortestRoute(graph, 'In Progress', 'Done')).toEqual(['In Review', 'In QA', 'Done']);
    expect(shortestRoute(graph, 'blocked', 'in progress')).toEqual(['To Do', 'In Progress']);
  });

  test('global transitions lead there from anywhere', () => {
    expect(shortestRoute(graph, 'In QA', 'Blocked')).toEqual(['Blocked']);
  });

  test('undefined when unreachable; empty when already there', () => {
    expect(
      shortestRoute({ ...graph, transitions: graph.transitions.slice(0, 2) }, 'In Progress', 'Done'),
    ).toBeUndefined();
    expect(shortestRoute(graph, 'Done', 'done')).toEqual([]);
  });
});

describe('configuredRoute', () => {
  const paths = { Done: ['In Review', 'In QA', 'Done'] };

  test('continues after the current status when it is on the path', () => {
    expect(configuredRoute('In Review', 'Done', paths)).toEqual(['In QA', 'Done']);
  });

  test('is the whole path from elsewhere, and the target is added when the path leaves it out', () => {
    expect(configuredRoute('In Progress', 'done', paths)).toEqual(['In Review', 'In QA', 'Done']);
    expect(configuredRoute('In Progress', 'Done', { Done: ['In Review', 'In QA'] })).toEqual([
      'In Review',
      'In QA',
      'Done',
    ]);
  });

  test('undefined without a path for the target', () => {
    expect(configuredRoute('In Progress', 'In QA', paths)).toBeUndefined();
    expect(configuredRoute('In Progress', 'In QA', undefined)).toBeUndefined();
  });
});
