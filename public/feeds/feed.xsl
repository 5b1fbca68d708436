<?xml version="1.0" encoding="utf-8"?>
<!--
  Shows an Atom feed of 提案答复公开 in a browser as a readable page that
  explains how to subscribe. Feed readers ignore it. No inline style or script
  (the site's Content-Security-Policy forbids both): the look is /feeds/feed.css.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/atom:feed">
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="atom:title"/>（订阅源）</title>
        <link rel="stylesheet" href="/feeds/feed.css"/>
      </head>
      <body class="feed-page">
        <main>
          <p class="feed-kind">订阅源 · Atom</p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <xsl:if test="atom:subtitle">
            <p><xsl:value-of select="atom:subtitle"/></p>
          </xsl:if>
          <section class="feed-howto" aria-labelledby="howto">
            <h2 id="howto">怎样订阅</h2>
            <p>这是一个订阅源（Atom 格式），供阅读器程序读取，不是普通网页。订阅以后，有新内容时阅读器会自动通知您，不必反复打开网站查看。</p>
            <ol>
              <li>复制下面的订阅地址：<br/><code class="feed-url"><xsl:value-of select="atom:link[@rel='self']/@href"/></code></li>
              <li>打开您使用的 RSS/Atom 阅读器（手机或电脑上的阅读器应用、浏览器扩展，或支持订阅的邮件程序），选择“添加订阅”，粘贴这个地址。</li>
            </ol>
            <p>
              <a href="{atom:link[@rel='alternate']/@href}">打开对应的网页</a>
              <xsl:text> · </xsl:text>
              <a href="/data/#subscribe">本站的全部订阅源</a>
            </p>
          </section>
          <section aria-labelledby="latest">
            <h2 id="latest">最近的条目</h2>
            <xsl:choose>
              <xsl:when test="atom:entry">
                <ol class="feed-entries">
                  <xsl:for-each select="atom:entry[position() &lt;= 50]">
                    <li>
                      <a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
                      <span class="feed-date"><xsl:value-of select="substring(atom:updated, 1, 10)"/></span>
                      <p><xsl:value-of select="atom:summary"/></p>
                    </li>
                  </xsl:for-each>
                </ol>
              </xsl:when>
              <xsl:otherwise>
                <p>目前还没有条目。</p>
              </xsl:otherwise>
            </xsl:choose>
          </section>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
