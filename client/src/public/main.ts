// Public map for residents (issue 4 builds it).
export {};
