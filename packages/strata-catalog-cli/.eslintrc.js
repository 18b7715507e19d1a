module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // The bundled script (scripts/bundle.mjs): generated, minified third-party code.
  ignorePatterns: ['dist-standalone/'],
});
