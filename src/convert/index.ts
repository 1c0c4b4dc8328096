export { createConverter, ConverterSetupError, type Converter, type ConverterOptions, type FileConversion } from './converter.js'
export { parseConversionConfig, type ConversionConfig, type RawConfigCache } from './config/conversion-config.js'
export { BACKEND_TABLE, DEFAULT_CONFIG_OF } from './backends/index.js'
