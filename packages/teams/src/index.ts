// Teams: who owns a ticket (routing rules) and who is on call (rotations).
export * from './rotation.ts';
export * from './routing.ts';
