import { ProblemException } from '../errors/problem.exception';

export const unauthenticated = (detail: string) =>
  new ProblemException({
    status: 401,
    code: 'unauthenticated',
    title: 'Authentication required',
    detail,
    headers: { 'www-authenticate': 'ApiKey' },
  });

export const forbidden = (detail: string) =>
  new ProblemException({ status: 403, code: 'forbidden', title: 'Forbidden', detail });

export const plantOutOfScope = (plant: string) =>
  new ProblemException({
    status: 403,
    code: 'plant-out-of-scope',
    title: 'Plant out of scope',
    detail: `Your API key may not act for plant ${plant}.`,
    extensions: { plant },
  });
