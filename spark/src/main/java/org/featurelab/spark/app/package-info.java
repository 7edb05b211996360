/**
 * A spark-submit application around the estimators of {@code org.featurelab.spark}: read a CSV or Parquet table,
 * assemble its numeric columns, fit on a seeded split, report the held-out score and the time, save the model.
 */
package org.featurelab.spark.app;
