import {
  createLocationRetargetGuard,
  isLocationRetarget,
  LOCATION_RETARGET_MESSAGE,
} from './locationRetargetGuard';

describe('isLocationRetarget', () => {
  it.each([
    '/api/catalog/locations/7f1c',
    '/api/catalog/locations/7f1c/',
    '/API/Catalog/Locations/7f1c',
    '/api/catalog/locations/a%2Fb',
  ])('matches PUT %s, as Express routes it to the catalog', path => {
    expect(isLocationRetarget('PUT', path)).toBe(true);
  });

  it.each([
    ['GET', '/api/catalog/locations/7f1c'],
    ['DELETE', '/api/catalog/locations/7f1c'],
    ['POST', '/api/catalog/locations'],
    ['PUT', '/api/catalog/locations'],
    ['PUT', '/api/catalog/locations/7f1c/extra'],
    ['PUT', '/api/catalog-edits/locations/7f1c'],
  ])('leaves %s %s alone', (method, path) => {
    expect(isLocationRetarget(method, path)).toBe(false);
  });
});

describe('createLocationRetargetGuard', () => {
  const run = (method: string, path: string) => {
    const next = jest.fn();
    createLocationRetargetGuard()({ method, path } as never, {} as never, next);
    return next;
  };

  it('hands a NotAllowedError (403 in the error handler) to next for a retarget', () => {
    const next = run('PUT', '/api/catalog/locations/7f1c');
    expect(next).toHaveBeenCalledWith(
      expect.objectContaining({
        name: 'NotAllowedError',
        message: LOCATION_RETARGET_MESSAGE,
      }),
    );
  });

  it('lets every other request through', () => {
    expect(run('GET', '/api/catalog/locations/7f1c')).toHaveBeenCalledWith();
  });
});
