// B2MML V0600 MES adapter (kind `b2mml-v0600`). B2MML is used courtesy of MESA International.
export * from './b2mml.xml';
export * from './b2mml.application-area';
export * from './production-schedule.builder';
export * from './production-schedule.parser';
export * from './production-performance.parser';
export * from './production-performance.builder';
export * from './b2mml-mes.connector';
export * from './b2mml-mes.factory';
