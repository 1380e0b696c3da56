import { ProblemException } from '../errors/problem.exception';
import { actorOf } from './acting-for';
import { Principal } from './principal';

describe('actorOf (X-Acting-For)', () => {
  const service = new Principal('demo-service', ['service']);

  it('is the caller when no one is named', () => {
    expect(actorOf(new Principal('demo-planner', ['planner']), undefined)).toBe('demo-planner');
    expect(actorOf(service, '')).toBe('demo-service');
  });

  it('records the person and the service that vouched for them', () => {
    expect(actorOf(service, 'planner:demo-planner')).toBe('planner:demo-planner via demo-service');
    expect(actorOf(service, ['planner:jwt:anna.kowalska@plant.example'])).toBe('planner:jwt:anna.kowalska@plant.example via demo-service');
  });

  it('refuses anyone but a service naming someone else (403), and a malformed name (400)', () => {
    for (const caller of [new Principal('demo-planner', ['planner']), new Principal('demo-admin', ['admin']), new Principal('ops', ['service', 'admin'])]) {
      const thrown = (() => {
        try {
          actorOf(caller, 'planner:someone-else');
        } catch (e) {
          return e as ProblemException;
        }
      })();
      expect(thrown).toBeInstanceOf(ProblemException);
      expect(thrown!.getStatus()).toBe(403);
    }
    for (const bad of ['demo-planner', 'planner:', 'planner:a b', `planner:${'x'.repeat(81)}`, 'planner:<script>']) {
      expect(() => actorOf(service, bad)).toThrow(ProblemException);
      try {
        actorOf(service, bad);
      } catch (e) {
        expect((e as ProblemException).getStatus()).toBe(400);
      }
    }
  });
});
