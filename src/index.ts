'use client';

export * from './core/index';
export * from './react/index';
export * from './ui/index';
