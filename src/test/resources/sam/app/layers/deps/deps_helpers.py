"""Copied under python/ next to the installed requirements by sam build."""
