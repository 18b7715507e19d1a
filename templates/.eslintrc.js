module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // Skeleton files hold Nunjucks expressions: they are only code once rendered (the tests
  // render them and check the result).
  ignorePatterns: ['*/skeleton'],
});
