//

export * from './CatalogFile.model';
export * from './EntityConflict.model';
export * from './EntityConflictList.model';
export * from './ModelError.model';
export * from './ModelErrorError.model';
export * from './ModelErrorRequest.model';
export * from './ModelErrorResponse.model';
export * from './ValidateRequest.model';
export * from './ValidateResponse.model';
export * from './Violation.model';
