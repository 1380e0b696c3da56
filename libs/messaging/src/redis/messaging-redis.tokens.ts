/** DI token of the MessagingRedisSettings (url + BullMQ prefix). */
export const MessagingRedisSettingsToken = Symbol('MessagingRedisSettings');
