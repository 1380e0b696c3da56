export * from './model/landscape.model';
export * from './model/landscape';
export * from './loader/landscape.error';
export * from './loader/landscape.loader';
export * from './module/landscape.module';
